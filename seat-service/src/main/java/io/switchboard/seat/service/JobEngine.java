package io.switchboard.seat.service;

import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.JobCompleted;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.RoutingSteps;
import io.switchboard.platform.contract.RoutingStepsDone;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.EventJson;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.seat.config.SeatConfig;
import io.switchboard.seat.domain.JobStage;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.repository.JobRepository;
import io.switchboard.seat.repository.JobRepository.JobRow;
import io.switchboard.seat.repository.JobRepository.StepRow;
import io.switchboard.seat.repository.JobRepository.StepUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs jobs as sagas. {@link #advance} does whatever a job can do now, with the job's row locked: seat-service's own
 * steps (reserve and activate the seat, E911, seat level) run in that transaction; number- and routing-service steps
 * leave as commands through the outbox, in batches, and the steps wait for the replies ({@link #onLines},
 * {@link #onRouting}). A step's state, the commands it sent and the reply it took commit together, so a crash anywhere
 * leaves the job where its last commit put it; the sweeper advances it again after a restart.
 */
@ApplicationScoped
public class JobEngine {

    static final String PENDING = "pending";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";

    private final JobRepository jobs;
    private final SeatService seats;
    private final UserProjectionService projection;
    private final Outbox outbox;
    private final SeatConfig config;
    private final EntityManager em;
    private final Event<RepliesApplied> replied;

    public JobEngine(JobRepository jobs, SeatService seats, UserProjectionService projection, Outbox outbox,
                     SeatConfig config, EntityManager em, Event<RepliesApplied> replied) {
        this.jobs = jobs;
        this.seats = seats;
        this.projection = projection;
        this.outbox = outbox;
        this.config = config;
        this.em = em;
        this.replied = replied;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void advanceInNewTransaction(UUID jobId) {
        advance(jobId);
    }

    /** number-service's answer to a direct-line command: the lines go into the User Management view at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLines(RandomDirectLinesAssigned reply) {
        UUID jobId = jobs.jobOfRequest(reply.requestId()).orElse(null);
        if (jobId == null) {
            return;
        }
        List<StepUpdate> updates = new ArrayList<>();
        for (RandomDirectLinesAssigned.Assignment a : reply.assignments()) {
            updates.add(new StepUpdate(a.userId(), JobStage.DIRECT_LINE.key(), SUCCEEDED,
                    a.number() + (a.alreadyHeld() ? " (already the user's direct line)" : ""), null));
        }
        for (RandomDirectLinesAssigned.Unassigned u : reply.unassigned()) {
            updates.add(new StepUpdate(u.userId(), JobStage.DIRECT_LINE.key(), FAILED, null, u.reason()));
        }
        applyReply(jobId, reply.requestId(), updates, () -> reply.assignments().stream()
                .filter(a -> a.line() != null).forEach(a -> projection.apply(a.line())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRouting(RoutingStepsDone reply) {
        List<StepUpdate> updates = reply.results().stream().map(r -> new StepUpdate(r.userId(), r.stage(),
                r.succeeded() ? SUCCEEDED : FAILED, r.detail(), r.reason())).toList();
        applyReply(reply.jobId(), reply.requestId(), updates, () -> {
        });
    }

    /**
     * Finishes the replied steps and advances their users only: those are the only steps that can have become ready.
     * (Loading every step of a 1,000-user job for each reply cost a tenth of seat-service's time in the benchmark.)
     * Replies about different users apply side by side; whether the job is complete is checked once they commit.
     */
    private void applyReply(UUID jobId, UUID requestId, List<StepUpdate> updates, Runnable alsoApply) {
        Set<UUID> users = updates.stream().map(StepUpdate::userId).collect(Collectors.toSet());
        if (jobs.lockShared(jobId).isEmpty()) {
            return;
        }
        jobs.lockSteps(jobId, users);
        alsoApply.run();
        jobs.finishReplied(jobId, requestId, updates);
        advancePass(jobId, users);
        replied.fire(new RepliesApplied(jobId));
    }

    /** Fired when a reply's transaction has applied; the runner then checks whether the job is complete. */
    public record RepliesApplied(UUID jobId) {
    }

    /** After replies commit: if no step waits for one any more, a pass over the whole job completes it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completeIfDone(UUID jobId) {
        if (jobs.waitingForReplies(jobId) == 0) {
            advancePass(jobId, null);
        }
    }

    /** Runs or sends every step whose prerequisites have succeeded; completes the job when nothing is left to wait for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(UUID jobId) {
        advancePass(jobId, null);
    }

    /** A pass over the users' steps (null: the whole job, exclusively, which also completes it when nothing is left). */
    private void advancePass(UUID jobId, Set<UUID> users) {
        JobRow job = (users == null ? jobs.lock(jobId) : jobs.lockShared(jobId)).orElse(null);
        if (job == null || !RUNNING.equals(job.status())) {
            return;
        }
        JobRequest request = EventJson.read(job.request(), JobRequest.class);
        String actor = "job:" + jobId;
        Instant timedOut = Instant.now().minus(config.jobs().stepTimeout());
        Map<UUID, List<StepRow>> byUser = new LinkedHashMap<>();
        for (StepRow s : jobs.steps(jobId, users)) {
            byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
        }
        List<StepUpdate> finished = new ArrayList<>();
        List<StepUpdate> localAttempts = new ArrayList<>();
        List<StepRow> toNumber = new ArrayList<>();
        List<StepRow> toRouting = new ArrayList<>();
        Map<UUID, Map<String, String>> states = new HashMap<>();
        for (Map.Entry<UUID, List<StepRow>> user : byUser.entrySet()) {
            Map<String, String> state = new HashMap<>();
            user.getValue().forEach(s -> state.put(s.stage(), s.status()));
            states.put(user.getKey(), state);
            for (StepRow step : user.getValue()) {
                JobStage stage = JobStage.of(step.stage());
                if (RUNNING.equals(step.status()) && step.sentAt() != null && step.sentAt().isBefore(timedOut)) {
                    finished.add(new StepUpdate(step.userId(), step.stage(), FAILED, null, "no reply from "
                            + stage.owner().name().toLowerCase() + "-service within " + config.jobs().stepTimeout()
                            + "; retry the step"));
                    state.put(step.stage(), FAILED);
                    continue;
                }
                if (!PENDING.equals(step.status()) || !ready(stage, state)) {
                    continue;
                }
                switch (stage.owner()) {
                    case SEAT -> {
                        StepUpdate outcome = runLocal(job, step, actor);
                        detachAll();
                        finished.add(outcome);
                        localAttempts.add(outcome);
                        state.put(step.stage(), outcome.status());
                    }
                    case NUMBER -> {
                        toNumber.add(step);
                        state.put(step.stage(), RUNNING);
                    }
                    case ROUTING -> {
                        toRouting.add(step);
                        state.put(step.stage(), RUNNING);
                    }
                }
            }
        }
        jobs.finish(jobId, finished);
        jobs.countAttempt(jobId, localAttempts);
        sendLines(job, request, toNumber, actor);
        sendRouting(job, toRouting, actor);
        if (users == null && states.values().stream().noneMatch(s -> s.containsValue(RUNNING))) {
            Map<String, String> reasons = new HashMap<>();
            byUser.values().forEach(list -> list.forEach(s -> reasons.put(s.userId() + "/" + s.stage(), s.reason())));
            finished.forEach(u -> reasons.put(u.userId() + "/" + u.stage(), u.reason()));
            complete(job, byUser, states, reasons, actor);
        } else if (users == null && (!finished.isEmpty() || !toNumber.isEmpty() || !toRouting.isEmpty())) {
            jobs.touch(jobId); // whole-job passes only: an update would need the row that reply passes share
        }
    }

    /**
     * Seat steps of many users run in one transaction; without this, every query re-checks every entity loaded so far
     * for changes (Hibernate's auto-flush), which grows with the square of the users in the pass.
     */
    private void detachAll() {
        em.flush();
        em.clear();
    }

    private static boolean ready(JobStage stage, Map<String, String> state) {
        return stage.prerequisites().stream().allMatch(p -> !state.containsKey(p) || SUCCEEDED.equals(state.get(p)));
    }

    private StepUpdate runLocal(JobRow job, StepRow step, String actor) {
        Map<String, Object> in = step.inputMap();
        try {
            String detail = switch (JobStage.of(step.stage())) {
                case SEAT -> "reserve".equals(in.get("mode"))
                        ? seats.reserveFirstSeat(job.networkId(), step.userId(), (String) in.get("level"), uuid(in.get("billTo")))
                        : describe(seats.changeSeat(job.networkId(), step.userId(), (String) in.get("level"),
                        uuid(in.get("billTo")), null, actor));
                case E911 -> {
                    var address = EventJson.read(EventJson.write(in), JobRequest.AddressChoice.class);
                    // A setup activates the seat right after, in this transaction: its seat.assigned says both.
                    boolean setup = JobRequest.SETUP.equals(job.type());
                    var saved = seats.changeE911(job.networkId(), step.userId(), address.address(),
                            address.unverifiedAllowed(), null, actor, !setup);
                    yield saved.verified ? "verified: " + saved.street + ", " + saved.city + " " + saved.state
                            : saved.warning;
                }
                case ACTIVATE -> describe(seats.changeSeat(job.networkId(), step.userId(), (String) in.get("level"),
                        uuid(in.get("billTo")), null, actor)) + ", active";
                default -> throw new IllegalStateException("not a seat-service step: " + step.stage());
            };
            return new StepUpdate(step.userId(), step.stage(), SUCCEEDED, detail, null);
        } catch (ProblemException e) {
            if (JobStage.of(step.stage()) == JobStage.ACTIVATE) {
                seats.announceE911(job.networkId(), step.userId(), actor);
            }
            var errors = e.toProblem().errors();
            String reason = e.getMessage() + (errors == null || errors.isEmpty() ? "" : ": " + String.join("; ",
                    errors.stream().map(f -> f.field() + " " + f.message()).toList()));
            return new StepUpdate(step.userId(), step.stage(), FAILED, null, reason);
        }
    }

    private static String describe(UserRow row) {
        return "NONE".equals(row.seatLevel) ? "no seat" : row.seatLevel.toLowerCase() + " seat billed to tenant " + row.billTo;
    }

    private void sendLines(JobRow job, JobRequest request, List<StepRow> steps, String actor) {
        JobRequest.LineChoice choice = request.directLines();
        for (List<StepRow> batch : batches(steps)) {
            UUID requestId = UUID.randomUUID();
            List<UUID> users = new ArrayList<>();
            Map<UUID, String> chosen = new HashMap<>();
            Map<UUID, String> replacing = new HashMap<>();
            for (StepRow s : batch) {
                users.add(s.userId());
                Map<String, Object> in = s.inputMap();
                if (in.get("number") != null) {
                    chosen.put(s.userId(), (String) in.get("number"));
                }
                if (in.get("replacing") != null) {
                    replacing.put(s.userId(), (String) in.get("replacing"));
                }
            }
            var command = new AssignRandomDirectLines(requestId, job.networkId(), users,
                    choice == null ? null : choice.preferredAreaCode(), choice == null ? null : choice.numbers(), chosen,
                    replacing);
            outbox.publish(Topics.NUMBER_COMMANDS, requestId.toString(), AssignRandomDirectLines.TYPE, job.networkId(),
                    actor, command);
            jobs.markSent(job.id(), requestId, JobStage.DIRECT_LINE.key(), users);
        }
    }

    private void sendRouting(JobRow job, List<StepRow> steps, String actor) {
        Map<UUID, List<StepRow>> byUser = new LinkedHashMap<>();
        steps.forEach(s -> byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s));
        List<UUID> users = new ArrayList<>(byUser.keySet());
        Set<UUID> joining = steps.stream().filter(s -> JobStage.of(s.stage()) == JobStage.QUEUES).map(StepRow::userId)
                .collect(Collectors.toSet());
        Map<UUID, Long> seatVersions = joining.isEmpty() ? Map.of() : UserRow.<UserRow>list("userId in ?1", joining)
                .stream().collect(Collectors.toMap(r -> r.userId, r -> r.seatVersion));
        int size = config.jobs().commandBatch();
        for (int from = 0; from < users.size(); from += size) {
            UUID requestId = UUID.randomUUID();
            List<RoutingSteps.Item> items = new ArrayList<>();
            Map<String, List<UUID>> sentByStage = new LinkedHashMap<>();
            for (UUID userId : users.subList(from, Math.min(users.size(), from + size))) {
                for (StepRow s : byUser.get(userId)) {
                    items.add(item(s, seatVersions));
                    sentByStage.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(userId);
                }
            }
            outbox.publish(Topics.ROUTING_COMMANDS, requestId.toString(), RoutingSteps.TYPE, job.networkId(), actor,
                    new RoutingSteps(requestId, job.id(), job.networkId(), items));
            sentByStage.forEach((stage, ids) -> jobs.markSent(job.id(), requestId, stage, ids));
        }
    }

    @SuppressWarnings("unchecked")
    private static RoutingSteps.Item item(StepRow s, Map<UUID, Long> seatVersions) {
        Map<String, Object> in = s.inputMap();
        return switch (JobStage.of(s.stage())) {
            case VOICEMAIL -> new RoutingSteps.Item(s.userId(), s.stage(), "delete".equals(in.get("action"))
                    ? RoutingSteps.Action.DELETE_VOICEMAIL : RoutingSteps.Action.CREATE_VOICEMAIL, null, null,
                    !Boolean.FALSE.equals(in.get("emailNotifications")), 0);
            case RECORDING -> new RoutingSteps.Item(s.userId(), s.stage(), RoutingSteps.Action.SET_RECORDING,
                    Boolean.TRUE.equals(in.get("useDefaults")) ? null : new RoutingSteps.Recording(
                            (String) in.get("inbound"), (String) in.get("outbound"), (String) in.get("announcement")),
                    null, false, 0);
            case QUEUES -> {
                List<UUID> queueIds = ((List<String>) in.get("queueIds")).stream().map(UUID::fromString).toList();
                boolean remove = "remove".equals(in.get("action"));
                yield new RoutingSteps.Item(s.userId(), s.stage(), remove ? RoutingSteps.Action.REMOVE_QUEUES
                        : RoutingSteps.Action.ASSIGN_QUEUES, null, queueIds, false, seatVersions.getOrDefault(s.userId(), 0L));
            }
            default -> throw new IllegalStateException("not a routing-service step: " + s.stage());
        };
    }

    /** Steps still pending wait on a failed one: they are skipped (a retry runs them again), and the job is done. */
    private void complete(JobRow job, Map<UUID, List<StepRow>> byUser, Map<UUID, Map<String, String>> states,
                          Map<String, String> reasons, String actor) {
        List<StepUpdate> skipped = new ArrayList<>();
        List<JobCompleted.FailedUser> failedUsers = new ArrayList<>();
        int steps = 0;
        int succeeded = 0;
        int failed = 0;
        for (Map.Entry<UUID, List<StepRow>> user : byUser.entrySet()) {
            Map<String, String> state = states.get(user.getKey());
            JobCompleted.FailedUser firstFailure = null;
            for (StepRow s : user.getValue()) {
                steps++;
                String status = state.get(s.stage());
                if (PENDING.equals(status)) {
                    String blocker = JobStage.of(s.stage()).prerequisites().stream()
                            .filter(p -> state.containsKey(p) && !SUCCEEDED.equals(state.get(p))).findFirst().orElse("?");
                    String reason = "not run: the " + blocker + " step did not succeed";
                    skipped.add(new StepUpdate(s.userId(), s.stage(), SKIPPED, null, reason));
                    state.put(s.stage(), SKIPPED);
                    status = SKIPPED;
                }
                if (SUCCEEDED.equals(status)) {
                    succeeded++;
                } else if (FAILED.equals(status)) {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = new JobCompleted.FailedUser(s.userId(), s.stage(),
                                reasons.get(s.userId() + "/" + s.stage()));
                    }
                }
            }
            if (firstFailure != null) {
                failedUsers.add(firstFailure);
            }
        }
        jobs.finish(job.id(), skipped);
        String status = failedUsers.isEmpty() ? "completed" : "completed-with-failures";
        jobs.complete(job.id(), status);
        outbox.publish(Topics.SEAT_JOBS, job.id().toString(), JobCompleted.TYPE, job.networkId(), actor,
                new JobCompleted(job.id(), job.networkId(), job.type(), job.action(), job.round(), byUser.size(),
                        byUser.size() - failedUsers.size(), failedUsers.size(), steps, succeeded, failed, skipped.size(),
                        failedUsers, job.requestedBy(), Instant.now()));
    }

    private List<List<StepRow>> batches(List<StepRow> steps) {
        List<List<StepRow>> batches = new ArrayList<>();
        int size = config.jobs().commandBatch();
        for (int from = 0; from < steps.size(); from += size) {
            batches.add(steps.subList(from, Math.min(steps.size(), from + size)));
        }
        return batches;
    }

    private static UUID uuid(Object raw) {
        return raw == null ? null : UUID.fromString(raw.toString());
    }
}
