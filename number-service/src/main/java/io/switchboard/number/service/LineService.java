package io.switchboard.number.service;

import io.switchboard.number.config.NumberConfig;
import io.switchboard.number.domain.KnownUser;
import io.switchboard.number.domain.PhoneNumber;
import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.NumberChanged;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * People's numbers (seeds 001 and 004): a direct line (the primary number) that can be replaced but never removed,
 * secondary numbers, swapping the primary, the reserve list, random assignment for bulk setup, and teardown.
 *
 * <p>Every change locks the user's {@link KnownUser} row first and then the numbers it touches, so changes to one user
 * are serial (their events leave in order) and a number can be taken by one person only.
 */
@ApplicationScoped
public class LineService {

    public record Lines(UUID userId, String directLine, List<String> secondaryNumbers, long lineVersion) {
    }

    private static final String SERVICE_ACTOR = "service:number-service";

    private final NumberEvents events;
    private final Outbox outbox;
    private final NumberConfig config;

    public LineService(NumberEvents events, Outbox outbox, NumberConfig config) {
        this.events = events;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public Lines lines(UUID networkId, UUID userId) {
        KnownUser user = KnownUser.<KnownUser>find("userId = ?1 and networkId = ?2", userId, networkId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("User", userId));
        return linesOf(user);
    }

    /** Gives the user this direct line, or replaces theirs with it; the replaced number goes to the reserve list. */
    @Transactional
    public Lines assignDirectLine(UUID networkId, UUID userId, String raw, String actor) {
        String e164 = PhoneNumbers.northAmerican(raw, "number");
        KnownUser user = activeUser(networkId, userId);
        PhoneNumber number = assignableNumber(networkId, e164, user);
        Optional<PhoneNumber> current = primaryOf(userId);
        if (current.isPresent() && current.get().number.equals(e164)) {
            return linesOf(user);
        }
        String previous = null;
        if (current.isPresent()) {
            previous = current.get().number;
            toReserve(current.get(), userId, actor);
        }
        take(number, user, PhoneNumber.LineRole.PRIMARY);
        events.number(NumberChanged.ASSIGNED, number, actor);
        events.lines(DirectLineChanged.ASSIGNED, user, previous, actor);
        return linesOf(user);
    }

    /** Adds a number to the user; it becomes their direct line when they have none yet. */
    @Transactional
    public Lines addNumber(UUID networkId, UUID userId, String raw, String actor) {
        String e164 = PhoneNumbers.northAmerican(raw, "number");
        KnownUser user = activeUser(networkId, userId);
        PhoneNumber number = assignableNumber(networkId, e164, user);
        if (number.status == PhoneNumber.Status.ASSIGNED) {
            return linesOf(user);
        }
        boolean first = primaryOf(userId).isEmpty();
        take(number, user, first ? PhoneNumber.LineRole.PRIMARY : PhoneNumber.LineRole.SECONDARY);
        events.number(NumberChanged.ASSIGNED, number, actor);
        events.lines(first ? DirectLineChanged.ASSIGNED : DirectLineChanged.NUMBERS_CHANGED, user, null, actor);
        return linesOf(user);
    }

    /** Removes a secondary number to the reserve list. The primary cannot be removed: swap first (seed 004). */
    @Transactional
    public Lines removeNumber(UUID networkId, UUID userId, String raw, String actor) {
        String e164 = PhoneNumbers.e164(raw, "number");
        KnownUser user = lockedUser(networkId, userId);
        PhoneNumber number = PhoneNumber.lockInNetwork(networkId, e164)
                .filter(n -> userId.equals(n.userId))
                .orElseThrow(() -> ProblemException.notFound("Number of this user", e164));
        if (number.lineRole == PhoneNumber.LineRole.PRIMARY) {
            throw ProblemException.conflict(e164 + " is the user's direct line (primary number) and cannot be removed, only "
                    + "replaced; to drop it, make another of their numbers primary first");
        }
        toReserve(number, userId, actor);
        events.lines(DirectLineChanged.NUMBERS_CHANGED, user, null, actor);
        return linesOf(user);
    }

    /** Swaps: the secondary number becomes the direct line and the old direct line stays as a secondary. */
    @Transactional
    public Lines makePrimary(UUID networkId, UUID userId, String raw, String actor) {
        String e164 = PhoneNumbers.e164(raw, "number");
        KnownUser user = activeUser(networkId, userId);
        PhoneNumber number = PhoneNumber.lockInNetwork(networkId, e164)
                .filter(n -> userId.equals(n.userId))
                .orElseThrow(() -> ProblemException.notFound("Number of this user", e164));
        if (number.lineRole == PhoneNumber.LineRole.PRIMARY) {
            return linesOf(user);
        }
        String previous = null;
        Optional<PhoneNumber> current = primaryOf(userId);
        if (current.isPresent()) {
            previous = current.get().number;
            current.get().lineRole = PhoneNumber.LineRole.SECONDARY;
            current.get().flush();
        }
        number.lineRole = PhoneNumber.LineRole.PRIMARY;
        number.flush();
        events.lines(DirectLineChanged.PRIMARY_CHANGED, user, previous, actor);
        return linesOf(user);
    }

    /**
     * Bulk setup and bulk edit (seed 003): a direct line for each user, chosen or at random (from the admin's selection,
     * else the network's assignable direct-line numbers, preferring the area code). Random rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}, so concurrent requests never hand out one number twice. A user who already has a
     * line keeps it unless the command replaces exactly that line, so a repeated command changes nothing. Each user's
     * problem (number taken, none left) is reported for that user only; the others are served.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RandomDirectLinesAssigned assignRandom(AssignRandomDirectLines command) {
        List<RandomDirectLinesAssigned.Assignment> assigned = new ArrayList<>();
        List<RandomDirectLinesAssigned.Unassigned> unassigned = new ArrayList<>();
        List<UUID> users = command.userIds() == null ? List.of() : command.userIds();
        if (users.size() > config.maxRandomAssignments()) {
            users.forEach(u -> unassigned.add(new RandomDirectLinesAssigned.Unassigned(u,
                    "a request may ask for at most " + config.maxRandomAssignments() + " numbers")));
            users = List.of();
        }
        String actor = "job:" + command.requestId();
        awaitKnown(command.networkId(), users);
        for (UUID userId : users.stream().distinct().toList()) {
            try {
                assigned.add(assignOne(command, userId, actor));
            } catch (ProblemException e) {
                unassigned.add(new RandomDirectLinesAssigned.Unassigned(userId, e.getMessage()));
            }
            // Each user's rows are done with: detached, so later queries do not re-check them all for changes.
            PhoneNumber.getEntityManager().flush();
            PhoneNumber.getEntityManager().clear();
        }
        RandomDirectLinesAssigned reply = new RandomDirectLinesAssigned(command.requestId(), command.networkId(), assigned,
                unassigned, Instant.now());
        outbox.publish(Topics.NUMBER_LINES, command.requestId().toString(), RandomDirectLinesAssigned.TYPE,
                command.networkId(), actor, reply);
        return reply;
    }

    /**
     * seat-service sends the command once it has seen the users' creation; this service reads the same events on its
     * own consumer and may be a moment behind. Waits briefly for them instead of refusing users who do exist. (Each
     * query sees what has committed since: PostgreSQL's read committed.)
     */
    private void awaitKnown(UUID networkId, List<UUID> users) {
        long deadline = System.nanoTime() + config.userWait().toNanos();
        while (KnownUser.count("networkId = ?1 and userId in ?2", networkId, users) < users.stream().distinct().count()
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Checks everything before changing anything, so a refused user leaves no trace in the command's transaction. */
    private RandomDirectLinesAssigned.Assignment assignOne(AssignRandomDirectLines command, UUID userId, String actor) {
        KnownUser user = KnownUser.lockInNetwork(command.networkId(), userId)
                .orElseThrow(() -> ProblemException.conflict("no such user in the network"));
        if (user.deactivated()) {
            throw ProblemException.conflict("the user is deactivated");
        }
        Optional<PhoneNumber> current = primaryOf(userId);
        String replacing = command.replacing().get(userId);
        boolean replace = replacing != null && current.isPresent() && current.get().number.equals(replacing);
        if (current.isPresent() && !replace) {
            return new RandomDirectLinesAssigned.Assignment(userId, current.get().number, true, events.current(user, null));
        }
        String chosen = command.chosenNumbers().get(userId);
        PhoneNumber number;
        if (chosen != null) {
            number = assignableNumber(command.networkId(), PhoneNumbers.northAmerican(chosen, "number"), user);
            if (current.isPresent() && current.get().number.equals(number.number)) {
                return new RandomDirectLinesAssigned.Assignment(userId, number.number, true, events.current(user, null));
            }
        } else {
            number = claimRandom(command.networkId(), command.preferredAreaCode(), command.fromNumbers())
                    .orElseThrow(() -> ProblemException.conflict(command.fromNumbers() == null
                            ? "the network has no available direct-line number left; buy more (POST /api/v1/numbers)"
                            : "none of the " + command.fromNumbers().size() + " selected numbers is still available; "
                            + "select more numbers"));
        }
        String previous = null;
        if (replace) {
            previous = current.get().number;
            toReserve(current.get(), userId, actor);
        }
        take(number, user, PhoneNumber.LineRole.PRIMARY);
        events.number(NumberChanged.ASSIGNED, number, actor);
        DirectLineChanged line = events.lines(DirectLineChanged.ASSIGNED, user, previous, actor);
        return new RandomDirectLinesAssigned.Assignment(userId, number.number, false, line);
    }

    /** Teardown: every number the user held goes to the reserve list; said once per deactivation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserNumbersReleased releaseAll(UserDeactivated deactivated) {
        KnownUser user = KnownUser.lockInNetwork(deactivated.networkId(), deactivated.userId()).orElseGet(() -> {
            KnownUser first = new KnownUser();
            first.userId = deactivated.userId();
            first.networkId = deactivated.networkId();
            first.directoryVersion = -1;
            return first;
        });
        if (user.directoryVersion < deactivated.version()) {
            user.status = "DEACTIVATED";
            user.directoryVersion = deactivated.version();
        }
        user.updatedAt = Instant.now();
        user.persist();
        List<PhoneNumber> held = PhoneNumber.heldBy(deactivated.userId());
        List<String> released = new ArrayList<>();
        String previous = null;
        for (PhoneNumber n : held) {
            PhoneNumber locked = PhoneNumber.lockInNetwork(n.networkId, n.number).orElseThrow();
            if (locked.lineRole == PhoneNumber.LineRole.PRIMARY) {
                previous = locked.number;
            }
            released.add(locked.number);
            toReserve(locked, deactivated.userId(), SERVICE_ACTOR);
        }
        if (!released.isEmpty()) {
            events.lines(DirectLineChanged.RELEASED, user, previous, SERVICE_ACTOR);
        }
        UserNumbersReleased report = new UserNumbersReleased(deactivated.userId(), deactivated.networkId(), released,
                UserDeactivated.TYPE, Instant.now(), deactivated.version());
        outbox.publish(Topics.NUMBER_LINES, deactivated.userId().toString(), UserNumbersReleased.TYPE,
                deactivated.networkId(), SERVICE_ACTOR, report);
        return report;
    }

    private Optional<PhoneNumber> claimRandom(UUID networkId, String preferredAreaCode, List<String> fromNumbers) {
        // The inventory holds normalized numbers only, so one that does not normalize can match nothing: left out.
        String[] selection = fromNumbers == null ? null : fromNumbers.stream().map(n -> {
            try {
                return PhoneNumbers.northAmerican(n, "number");
            } catch (ProblemException e) {
                return null;
            }
        }).filter(Objects::nonNull).toArray(String[]::new);
        String onlySelected = selection == null ? "" : "and number = any(cast(?3 as text[]))";
        var query = PhoneNumber.getEntityManager().createNativeQuery("""
                        select number from phone_number
                         where network_id = ?1 and usage = 'DIRECT_LINE' and status in ('AVAILABLE', 'RESERVED') %s
                         order by (area_code = ?2) desc, random()
                         limit 1 for update skip locked""".formatted(onlySelected))
                .setParameter(1, networkId).setParameter(2, preferredAreaCode == null ? "" : preferredAreaCode);
        if (selection != null) {
            query.setParameter(3, "{" + String.join(",", selection) + "}");
        }
        @SuppressWarnings("unchecked")
        List<String> picked = query.getResultList();
        return picked.isEmpty() ? Optional.empty() : PhoneNumber.findByIdOptional(picked.get(0));
    }

    private KnownUser lockedUser(UUID networkId, UUID userId) {
        return KnownUser.lockInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
    }

    private KnownUser activeUser(UUID networkId, UUID userId) {
        KnownUser user = lockedUser(networkId, userId);
        if (user.deactivated()) {
            throw ProblemException.conflict("User " + userId + " is deactivated; a deactivated user holds no numbers");
        }
        return user;
    }

    /** The number, locked; 404 if not the network's, 409 if it may not go to a person or belongs to someone else. */
    private static PhoneNumber assignableNumber(UUID networkId, String e164, KnownUser user) {
        PhoneNumber number = PhoneNumber.lockInNetwork(networkId, e164).orElseThrow(() -> new ProblemException(404,
                "not-found", "Number not found", "The network has no number " + e164 + "; buy it first (POST /api/v1/numbers)",
                List.of()));
        if (number.usage != PhoneNumber.Usage.DIRECT_LINE) {
            throw ProblemException.conflict(e164 + " is a " + number.usage.name().toLowerCase().replace('_', '-')
                    + " number: tracking and marketing numbers are never assigned to a person, or their calls would be "
                    + "counted as campaign leads; buy a direct-line number for them");
        }
        if (number.status == PhoneNumber.Status.ASSIGNED && !user.userId.equals(number.userId)) {
            throw ProblemException.conflict(e164 + " already belongs to another person (user " + number.userId
                    + "); a number can be one person's only");
        }
        if (number.status == PhoneNumber.Status.ASSIGNED && number.lineRole == PhoneNumber.LineRole.SECONDARY) {
            throw ProblemException.conflict(e164 + " is already this user's secondary number; make it primary instead");
        }
        return number;
    }

    private static Optional<PhoneNumber> primaryOf(UUID userId) {
        return PhoneNumber.<PhoneNumber>find("userId = ?1 and lineRole = ?2", userId, PhoneNumber.LineRole.PRIMARY)
                .firstResultOptional();
    }

    private static void take(PhoneNumber number, KnownUser user, PhoneNumber.LineRole role) {
        number.status = PhoneNumber.Status.ASSIGNED;
        number.userId = user.userId;
        number.lineRole = role;
        number.releasedFromUser = null;
        number.reservedAt = null;
        number.assignedAt = Instant.now();
        number.flush();
    }

    private void toReserve(PhoneNumber number, UUID userId, String actor) {
        number.status = PhoneNumber.Status.RESERVED;
        number.userId = null;
        number.lineRole = null;
        number.releasedFromUser = userId;
        number.reservedAt = Instant.now();
        number.flush();
        events.number(NumberChanged.RESERVED, number, actor);
    }

    private static Lines linesOf(KnownUser user) {
        var held = PhoneNumber.heldBy(user.userId);
        return new Lines(user.userId,
                held.stream().filter(n -> n.lineRole == PhoneNumber.LineRole.PRIMARY).map(n -> n.number).findFirst().orElse(null),
                held.stream().filter(n -> n.lineRole == PhoneNumber.LineRole.SECONDARY).map(n -> n.number).toList(),
                user.lineVersion);
    }
}
