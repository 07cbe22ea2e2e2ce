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
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies a job's routing steps (seed 003: personal voicemail, recording settings, queues) through the same services the
 * REST API uses, so the same rules hold (a Basic seat joins departments only, at most 10 CC recipients, …).
 *
 * <p>Each item runs in its own transaction: one user's refusal must not undo another's change, and the rules throw. The
 * reply leaves in the command's transaction, after every item; if the process dies before that, the redelivered command
 * repeats the items, which are idempotent, and then replies.
 */
@ApplicationScoped
public class RoutingStepService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final VoicemailService voicemail;
    private final RecordingService recording;
    private final QueueService queues;
    private final RoutingConfig config;

    public RoutingStepService(Transactions transactions, Outbox outbox, VoicemailService voicemail,
                              RecordingService recording, QueueService queues, RoutingConfig config) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.voicemail = voicemail;
        this.recording = recording;
        this.queues = queues;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingStepsDone apply(RoutingSteps command) {
        String actor = "job:" + command.jobId();
        List<RoutingStepsDone.Result> results = new ArrayList<>();
        for (RoutingSteps.Item item : command.items()) {
            results.add(applyItem(command.networkId(), item, actor));
        }
        RoutingStepsDone reply = new RoutingStepsDone(command.requestId(), command.jobId(), command.networkId(), results,
                Instant.now());
        outbox.publish(Topics.ROUTING_ASSIGNMENTS, command.jobId().toString(), RoutingStepsDone.TYPE, command.networkId(),
                actor, reply);
        return reply;
    }

    private RoutingStepsDone.Result applyItem(UUID networkId, RoutingSteps.Item item, String actor) {
        try {
            awaitUser(networkId, item);
            String detail = switch (item.action()) {
                case CREATE_VOICEMAIL -> inOwnTransaction(() -> createVoicemail(networkId, item, actor));
                case DELETE_VOICEMAIL -> inOwnTransaction(() -> {
                    int deleted = voicemail.disable(networkId, item.userId(), true, actor);
                    return "personal voicemail deleted with " + deleted + " message(s)";
                });
                case SET_RECORDING -> inOwnTransaction(() -> {
                    RoutingSteps.Recording r = item.recording();
                    var e = recording.setForUser(networkId, item.userId(), r == null
                            ? new RecordingService.Draft(null, null, null)
                            : new RecordingService.Draft(r.inbound(), r.outbound(), r.announcement()), null, actor);
                    return "recording inbound " + e.inbound().toLowerCase() + ", outbound " + e.outbound().toLowerCase()
                            + (r == null ? " (network defaults)" : "");
                });
                case ASSIGN_QUEUES -> assignQueues(networkId, item, actor);
                case REMOVE_QUEUES -> removeQueues(networkId, item, actor);
            };
            return new RoutingStepsDone.Result(item.userId(), item.stage(), true, null, detail);
        } catch (ProblemException e) {
            return new RoutingStepsDone.Result(item.userId(), item.stage(), false, e.getMessage(), null);
        }
    }

    private String createVoicemail(UUID networkId, RoutingSteps.Item item, String actor) {
        if (VoicemailBox.findById(item.userId()) != null) {
            return "personal voicemail already existed";
        }
        voicemail.enable(networkId, item.userId(), new VoicemailService.Settings(item.emailNotifications(), List.of()), actor);
        return "personal voicemail created";
    }

    /** Joins each queue; the step fails naming the queues that refused, the others stay joined (a retry redoes only them). */
    private String assignQueues(UUID networkId, RoutingSteps.Item item, String actor) {
        awaitSeat(networkId, item);
        List<String> joined = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (UUID queueId : item.queueIds()) {
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

    private String removeQueues(UUID networkId, RoutingSteps.Item item, String actor) {
        List<String> left = new ArrayList<>();
        for (UUID queueId : item.queueIds()) {
            left.add(inOwnTransaction(() -> {
                Queue q = queues.get(networkId, queueId);
                queues.removeMember(networkId, queueId, item.userId(), actor);
                return q.name;
            }));
        }
        return "left " + String.join(", ", left);
    }

    /** seat-service knew the user when it sent the step; this service may be a moment behind on the same events. */
    private void awaitUser(UUID networkId, RoutingSteps.Item item) {
        await(networkId, item, user -> user != null, "routing-service has not yet received the user from directory-service");
    }

    /**
     * The job activates the seat and then sends this step; the seat event reaches routing-service on its own topic, maybe
     * a moment after the step. Judging the user before it arrives would refuse them for a seat they have.
     */
    private void awaitSeat(UUID networkId, RoutingSteps.Item item) {
        await(networkId, item, user -> user != null && user.seatVersion >= item.seatVersion() && user.directLine != null,
                "routing-service has not yet received the user's seat (version " + item.seatVersion()
                        + ") and direct line from seat- and number-service");
    }

    private void await(UUID networkId, RoutingSteps.Item item, java.util.function.Predicate<RoutingUser> known,
                       String otherwise) {
        long deadline = System.nanoTime() + config.stepWait().toNanos();
        while (true) {
            RoutingUser user = transactions.inNewTransaction(() -> RoutingUser.findInNetwork(networkId, item.userId())
                    .orElse(null));
            if (known.test(user)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw ProblemException.conflict(otherwise + " within " + config.stepWait() + "; retry the step");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.conflict("interrupted while waiting for the user's seat; retry the step");
            }
        }
    }

    private <T> T inOwnTransaction(java.util.concurrent.Callable<T> work) {
        return transactions.inNewTransaction(work);
    }
}
