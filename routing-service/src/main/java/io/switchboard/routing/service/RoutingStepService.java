package io.switchboard.routing.service;

import io.switchboard.platform.contract.RoutingSteps;
import io.switchboard.platform.contract.RoutingStepsDone;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tx.Transactions;
import io.switchboard.routing.config.RoutingConfig;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.RoutingUser;
import io.switchboard.routing.domain.VoicemailBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Applies a job's routing steps (seed 003: personal voicemail, recording settings, queues) through the same services the
 * REST API uses, so the same rules hold (a Basic seat joins departments only, at most 10 CC recipients, …).
 *
 * <p>Each user's items run in a transaction of their own: one user's refusal must not undo another's change, and the
 * rules throw. The reply leaves in the command's transaction, after every item; if the process dies before that, the
 * redelivered command repeats the items, which are idempotent, and then replies.
 */
@ApplicationScoped
public class RoutingStepService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final VoicemailService voicemail;
    private final RecordingService recording;
    private final QueueService queues;
    private final RoutingConfig config;
    private final EntityManager em;

    public RoutingStepService(Transactions transactions, Outbox outbox, VoicemailService voicemail,
                              RecordingService recording, QueueService queues, RoutingConfig config, EntityManager em) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.voicemail = voicemail;
        this.recording = recording;
        this.queues = queues;
        this.config = config;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingStepsDone apply(RoutingSteps command) {
        String actor = "job:" + command.jobId();
        List<RoutingSteps.Item> items = command.items();
        Set<RoutingSteps.Item> unready = awaitFacts(command.networkId(), items);
        RoutingStepsDone.Result[] results = new RoutingStepsDone.Result[items.size()];
        Map<UUID, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RoutingSteps.Item item = items.get(i);
            if (unready.contains(item)) {
                results[i] = new RoutingStepsDone.Result(item.userId(), item.stage(), false, missingFacts(item), null);
            } else {
                byUser.computeIfAbsent(item.userId(), u -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> userItems : byUser.values()) {
            applyUsersItems(command.networkId(), items, userItems, results, actor);
        }
        RoutingStepsDone reply = new RoutingStepsDone(command.requestId(), command.jobId(), command.networkId(),
                List.of(results), Instant.now());
        outbox.publish(Topics.ROUTING_ASSIGNMENTS, command.requestId().toString(), RoutingStepsDone.TYPE, command.networkId(),
                actor, reply);
        return reply;
    }

    /**
     * One user's items in one transaction — the usual case, when all succeed. If the rules refuse one, that transaction
     * rolls back and the items run again one by one, each in its own, so the refusal stays that item's alone.
     */
    private void applyUsersItems(UUID networkId, List<RoutingSteps.Item> items, List<Integer> indices,
                                 RoutingStepsDone.Result[] results, String actor) {
        try {
            List<String> details = inOwnTransaction(() -> {
                List<String> done = new ArrayList<>();
                for (int i : indices) {
                    done.add(perform(networkId, items.get(i), actor, true));
                }
                return done;
            });
            for (int k = 0; k < indices.size(); k++) {
                RoutingSteps.Item item = items.get(indices.get(k));
                results[indices.get(k)] = new RoutingStepsDone.Result(item.userId(), item.stage(), true, null, details.get(k));
            }
        } catch (ProblemException refused) {
            for (int i : indices) {
                results[i] = applyItem(networkId, items.get(i), actor);
            }
        }
    }

    private RoutingStepsDone.Result applyItem(UUID networkId, RoutingSteps.Item item, String actor) {
        try {
            String detail = item.action() == RoutingSteps.Action.ASSIGN_QUEUES || item.action() == RoutingSteps.Action.REMOVE_QUEUES
                    ? perform(networkId, item, actor, false)
                    : inOwnTransaction(() -> perform(networkId, item, actor, false));
            return new RoutingStepsDone.Result(item.userId(), item.stage(), true, null, detail);
        } catch (ProblemException e) {
            return new RoutingStepsDone.Result(item.userId(), item.stage(), false, e.getMessage(), null);
        }
    }

    /**
     * Does the item in the current transaction; what it did, in words. {@code together}: queue changes join it too;
     * otherwise each queue is joined or left in its own, so one refusing queue leaves the others joined.
     */
    private String perform(UUID networkId, RoutingSteps.Item item, String actor, boolean together) {
        return switch (item.action()) {
            case CREATE_VOICEMAIL -> createVoicemail(networkId, item, actor);
            case DELETE_VOICEMAIL -> "personal voicemail deleted with "
                    + voicemail.disable(networkId, item.userId(), true, actor) + " message(s)";
            case SET_RECORDING -> {
                RoutingSteps.Recording r = item.recording();
                var e = recording.setForUser(networkId, item.userId(), r == null
                        ? new RecordingService.Draft(null, null, null)
                        : new RecordingService.Draft(r.inbound(), r.outbound(), r.announcement()), null, actor);
                yield "recording inbound " + e.inbound().toLowerCase() + ", outbound " + e.outbound().toLowerCase()
                        + (r == null ? " (network defaults)" : "");
            }
            case ASSIGN_QUEUES -> assignQueues(networkId, item, actor, together);
            case REMOVE_QUEUES -> removeQueues(networkId, item, actor, together);
        };
    }

    private String createVoicemail(UUID networkId, RoutingSteps.Item item, String actor) {
        if (VoicemailBox.findById(item.userId()) != null) {
            return "personal voicemail already existed";
        }
        voicemail.enable(networkId, item.userId(), new VoicemailService.Settings(item.emailNotifications(), List.of()), actor);
        return "personal voicemail created";
    }

    /** Joins each queue; the step fails naming the queues that refused, the others stay joined (a retry redoes only them). */
    private String assignQueues(UUID networkId, RoutingSteps.Item item, String actor, boolean together) {
        List<String> joined = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (UUID queueId : item.queueIds()) {
            if (together) {
                joined.add(queues.addMember(networkId, queueId, item.userId(), actor).name);
                continue;
            }
            try {
                joined.add(inOwnTransaction(() -> queues.addMember(networkId, queueId, item.userId(), actor).name));
            } catch (ProblemException e) {
                refused.add(e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw ProblemException.conflict(String.join("; ", refused)
                    + (joined.isEmpty() ? "" : " (joined " + String.join(", ", joined) + ")"));
        }
        return "joined " + String.join(", ", joined);
    }

    private String removeQueues(UUID networkId, RoutingSteps.Item item, String actor, boolean together) {
        List<String> left = new ArrayList<>();
        for (UUID queueId : item.queueIds()) {
            Callable<String> leave = () -> {
                Queue q = queues.get(networkId, queueId);
                queues.removeMember(networkId, queueId, item.userId(), actor);
                return q.name;
            };
            left.add(together ? call(leave) : inOwnTransaction(leave));
        }
        return "left " + String.join(", ", left);
    }

    /**
     * seat-service sends a step once it knows the facts the step relies on: the user (from directory-service), and for
     * queues their seat (the version it just gave) and direct line. Those facts reach this service on other topics and
     * may arrive a moment after the step, so the command waits for them — checking all its users in one query, with a
     * growing pause — instead of refusing people for a seat they have. Returns the items still lacking them.
     */
    private Set<RoutingSteps.Item> awaitFacts(UUID networkId, List<RoutingSteps.Item> items) {
        long deadline = System.nanoTime() + config.stepWait().toNanos();
        long pause = 10;
        Set<RoutingSteps.Item> waiting = new HashSet<>(items);
        while (true) {
            List<UUID> ids = waiting.stream().map(RoutingSteps.Item::userId).distinct().toList();
            Map<UUID, Facts> known = transactions.inNewTransaction(() -> facts(networkId, ids));
            waiting.removeIf(item -> factsKnown(item, known.get(item.userId())));
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                return waiting;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return waiting;
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    private record Facts(long seatVersion, boolean hasLine) {
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Facts> facts(UUID networkId, List<UUID> userIds) {
        List<Object[]> rows = em.createNativeQuery("""
                        select user_id, seat_version, direct_line is not null from routing_user
                         where network_id = ?1 and user_id = any(cast(?2 as uuid[]))""")
                .setParameter(1, networkId).setParameter(2, userIds.toArray(UUID[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0],
                r -> new Facts(((Number) r[1]).longValue(), (Boolean) r[2])));
    }

    private static boolean factsKnown(RoutingSteps.Item item, Facts user) {
        if (user == null) {
            return false;
        }
        return item.action() != RoutingSteps.Action.ASSIGN_QUEUES
                || user.seatVersion() >= item.seatVersion() && user.hasLine();
    }

    private String missingFacts(RoutingSteps.Item item) {
        return (item.action() == RoutingSteps.Action.ASSIGN_QUEUES
                ? "routing-service has not yet received the user's seat (version " + item.seatVersion()
                + ") and direct line from seat- and number-service"
                : "routing-service has not yet received the user from directory-service")
                + " within " + config.stepWait() + "; retry the step";
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T inOwnTransaction(Callable<T> work) {
        return transactions.inNewTransaction(work);
    }
}
