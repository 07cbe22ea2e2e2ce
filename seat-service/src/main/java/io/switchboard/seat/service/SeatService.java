package io.switchboard.seat.service;

import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import io.switchboard.seat.domain.E911Address;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.e911.AddressValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Seats (None / Basic / Advanced, billed to one of the user's tenants) and the E911 address of the user's line. A first
 * seat needs a direct line and an E911 address (seed 001); every change is published on {@value Topics#SEAT_SEATS} with
 * the whole seat state.
 */
@ApplicationScoped
public class SeatService {

    public record Summary(Map<String, Long> byLevel, Map<String, Long> byBillTo) {
    }

    private static final List<String> LEVELS = List.of("NONE", "BASIC", "ADVANCED");

    private final Outbox outbox;
    private final AddressValidator validator;
    private final EntityManager em;

    public SeatService(Outbox outbox, AddressValidator validator, EntityManager em) {
        this.outbox = outbox;
        this.validator = validator;
        this.em = em;
    }

    @Transactional
    public UserRow setSeat(UUID networkId, UUID userId, String rawLevel, UUID billTo, Versions.Expected expected,
                           String actor) {
        return changeSeat(networkId, userId, rawLevel, billTo, expected, actor);
    }

    /**
     * {@link #setSeat} in the caller's transaction, for a job step. Not intercepted: a refusal is thrown before anything
     * changes and does not doom the caller's transaction, which records the step as failed and goes on.
     */
    public UserRow changeSeat(UUID networkId, UUID userId, String rawLevel, UUID billTo, Versions.Expected expected,
                              String actor) {
        String level = rawLevel == null ? "" : rawLevel.trim().toUpperCase();
        if (!LEVELS.contains(level)) {
            throw ProblemException.invalidField("level", "must be none, basic or advanced");
        }
        UserRow row = lockedActive(networkId, userId, expected);
        if (level.equals("NONE")) {
            if ("NONE".equals(row.seatLevel)) {
                return row;
            }
            row.seatLevel = "NONE";
            row.billTo = null;
            publish(SeatChanged.RELEASED, row, actor);
            return row;
        }
        if (billTo == null || !Arrays.asList(row.tenantIds).contains(billTo)) {
            throw ProblemException.invalidField("billToTenantId", "bill the seat to one of the user's assigned tenants "
                    + Arrays.toString(row.tenantIds));
        }
        boolean first = "NONE".equals(row.seatLevel);
        if (first) {
            List<String> missing = new ArrayList<>();
            if (row.directLine == null) {
                missing.add("a direct line (PUT /api/v1/users/" + userId + "/direct-line on number-service)");
            }
            if (E911Address.findById(userId) == null) {
                missing.add("an E911 address for that line (PUT /api/v1/users/" + userId + "/e911)");
            }
            if (!missing.isEmpty()) {
                throw ProblemException.conflict("A first seat needs " + String.join(" and ", missing));
            }
        }
        row.seatLevel = level;
        row.billTo = billTo;
        publish(first ? SeatChanged.ASSIGNED : SeatChanged.CHANGED, row, actor);
        return row;
    }

    /**
     * A setup job's seat step (seed 003): checks that this first seat can be given — a level, a bill-to tenant among
     * the user's tenants, no seat yet — and holds it for the job, which activates it once the line and E911 are in place.
     * Changes nothing; the job refuses other jobs for the same user while it runs.
     */
    public String reserveFirstSeat(UUID networkId, UUID userId, String rawLevel, UUID billTo) {
        String level = rawLevel == null ? "" : rawLevel.trim().toUpperCase();
        if (!level.equals("BASIC") && !level.equals("ADVANCED")) {
            throw ProblemException.invalidField("seat.level", "a setup gives a basic or advanced seat");
        }
        UserRow row = lockedActive(networkId, userId, null);
        if (!"NONE".equals(row.seatLevel)) {
            throw ProblemException.conflict("The user already has a " + row.seatLevel.toLowerCase()
                    + " seat; change it with an edit job (seat-level) instead of a setup");
        }
        if (billTo == null || !Arrays.asList(row.tenantIds).contains(billTo)) {
            throw ProblemException.invalidField("billToTenantId", "bill the seat to one of the user's assigned tenants "
                    + Arrays.toString(row.tenantIds));
        }
        return level.toLowerCase() + " seat billed to tenant " + billTo + " reserved";
    }

    public AddressValidator.Result validate(AddressValidator.Address address) {
        return validator.validate(address);
    }

    /** Saves the normalized address; an invalid one only with {@code allowUnverified}, and then with its warning. */
    @Transactional
    public E911Address setE911(UUID networkId, UUID userId, AddressValidator.Address address, boolean allowUnverified,
                               Versions.Expected expected, String actor) {
        return changeE911(networkId, userId, address, allowUnverified, expected, actor);
    }

    /** {@link #setE911} in the caller's transaction, for a job step; like {@link #changeSeat}, refuses before changing. */
    public E911Address changeE911(UUID networkId, UUID userId, AddressValidator.Address address, boolean allowUnverified,
                                  Versions.Expected expected, String actor) {
        return changeE911(networkId, userId, address, allowUnverified, expected, actor, true);
    }

    /**
     * {@code announce} false: the caller gives the first seat next in the same transaction, and that one event (with
     * the E911 address present) says both; if it cannot, it calls {@link #announceE911}.
     */
    public E911Address changeE911(UUID networkId, UUID userId, AddressValidator.Address address, boolean allowUnverified,
                                  Versions.Expected expected, String actor, boolean announce) {
        UserRow row = lockedActive(networkId, userId, expected);
        AddressValidator.Result result = checkE911(address, allowUnverified);
        E911Address a = E911Address.<E911Address>findByIdOptional(userId).orElseGet(E911Address::new);
        a.userId = userId;
        a.networkId = networkId;
        a.street = result.normalized().street();
        a.unit = result.normalized().unit();
        a.city = result.normalized().city();
        a.state = result.normalized().state();
        a.country = result.normalized().country();
        a.postalCode = result.normalized().postalCode();
        a.verified = result.valid();
        a.warning = result.valid() ? null : "Unverified: " + String.join("; ", result.issues().stream()
                .map(i -> i.field() + " " + i.message()).toList());
        a.updatedAt = Instant.now();
        a.persist();
        if (announce) {
            publish(SeatChanged.E911_UPDATED, row, actor);
        }
        return a;
    }

    /** Publishes the E911 address saved without its event (the seat it was saved for could not be given after all). */
    public void announceE911(UUID networkId, UUID userId, String actor) {
        UserRow row = UserRow.<UserRow>find("userId = ?1 and networkId = ?2", userId, networkId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (row != null && E911Address.findById(userId) != null) {
            publish(SeatChanged.E911_UPDATED, row, actor);
        }
    }

    /** The address checked and normalized; 400 listing its problems unless it may be saved unverified. */
    public AddressValidator.Result checkE911(AddressValidator.Address address, boolean allowUnverified) {
        AddressValidator.Result result = validator.validate(address);
        boolean missingField = result.issues().stream().anyMatch(i -> i.message().equals("is required"));
        if (!result.valid() && (!allowUnverified || missingField)) {
            List<Problem.FieldError> errors = result.issues().stream().map(i -> new Problem.FieldError(i.field(),
                    i.message() + (i.suggestion() == null ? "" : " (suggestion: " + i.suggestion() + ")"))).toList();
            throw new ProblemException(400, "invalid-address", "The address is not a valid E911 address",
                    errors.size() + " problem(s); fix them, or save it unverified with allowUnverified=true", errors);
        }
        return result;
    }

    @Transactional
    public Optional<E911Address> e911(UUID networkId, UUID userId) {
        UserRow.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        return E911Address.findByIdOptional(userId);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Summary summary(UUID networkId) {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        LEVELS.forEach(l -> byLevel.put(l.toLowerCase(), 0L));
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        select seat_level, count(*) from user_row where network_id = ?1 and status <> 'DEACTIVATED'
                         group by seat_level""").setParameter(1, networkId).getResultList()) {
            byLevel.put(r[0].toString().toLowerCase(), ((Number) r[1]).longValue());
        }
        Map<String, Long> byBillTo = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        select bill_to, count(*) from user_row where network_id = ?1 and status <> 'DEACTIVATED'
                           and seat_level <> 'NONE' group by bill_to order by 2 desc""").setParameter(1, networkId).getResultList()) {
            byBillTo.put(String.valueOf(r[0]), ((Number) r[1]).longValue());
        }
        return new Summary(byLevel, byBillTo);
    }

    @Transactional
    public UserRow seat(UUID networkId, UUID userId) {
        return UserRow.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
    }

    /**
     * The user's row, locked, refusing a deactivated user and, when the caller named the seat version it read
     * ({@code expected} not null), a row that changed since.
     */
    private UserRow lockedActive(UUID networkId, UUID userId, Versions.Expected expected) {
        UserRow row = UserRow.<UserRow>find("userId = ?1 and networkId = ?2", userId, networkId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("User", userId));
        if ("DEACTIVATED".equals(row.status)) {
            throw ProblemException.conflict("The user is deactivated; a deactivated user has no seat");
        }
        if (expected != null) {
            expected.check(row.seatVersion);
        }
        return row;
    }

    private void publish(String type, UserRow row, String actor) {
        row.seatVersion++;
        row.updatedAt = Instant.now();
        row.persist();
        outbox.publish(Topics.SEAT_SEATS, row.userId.toString(), type, row.networkId, actor,
                new SeatChanged(row.userId, row.networkId, row.seatLevel, row.billTo, E911Address.findById(row.userId) != null,
                        row.seatVersion, row.updatedAt));
    }
}
