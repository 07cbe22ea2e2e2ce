package io.switchboard.seat.service;

import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.events.EventJson;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.seat.config.SeatConfig;
import io.switchboard.seat.domain.E911Address;
import io.switchboard.seat.domain.JobStage;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.repository.JobRepository;
import io.switchboard.seat.repository.JobRepository.JobRow;
import io.switchboard.seat.repository.JobRepository.StepRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Setup and bulk-edit jobs as the admin sees them: submitted whole or not at all (every bad row listed), then run by
 * {@link JobEngine}; progress per user and step; retry of what failed.
 */
@ApplicationScoped
public class JobService {

    /** Fired when a job is submitted or reopened; the runner starts it once the transaction has committed. */
    public record JobReady(UUID jobId) {
    }

    public record StepView(String stage, String status, String detail, String reason, int attempts) {
    }

    public record UserView(UUID userId, String name, String email, String status, List<StepView> steps) {
    }

    public record Progress(int users, int usersComplete, int usersFailed, int steps, int succeeded, int failed,
                           int skipped, int running, int pending, int percent) {
    }

    public record JobView(UUID id, String type, String action, String status, int round, String requestedBy,
                          Instant createdAt, Instant updatedAt, Instant completedAt, Progress progress, List<UserView> users) {
    }

    public record JobPage(List<JobView> items, String nextCursor) {
    }

    private static final int MAX_QUEUES = 10;

    private final JobRepository jobs;
    private final SeatService seats;
    private final SeatConfig config;
    private final Event<JobReady> ready;

    public JobService(JobRepository jobs, SeatService seats, SeatConfig config, Event<JobReady> ready) {
        this.jobs = jobs;
        this.seats = seats;
        this.config = config;
        this.ready = ready;
    }

    /** Validates the whole request (400 listing every bad row, nothing stored) and stores the job and its steps. */
    @Transactional
    public JobRow submit(UUID networkId, String requestedBy, JobRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String type = request.type() == null ? "" : request.type().trim().toLowerCase(Locale.ROOT);
        String action = request.action() == null ? null : request.action().trim().toLowerCase(Locale.ROOT);
        if (!type.equals(JobRequest.SETUP) && !type.equals(JobRequest.EDIT)) {
            throw ProblemException.invalidField("type", "must be setup or edit");
        }
        if (type.equals(JobRequest.EDIT) && (action == null || !JobRequest.EDIT_ACTIONS.contains(action))) {
            throw ProblemException.invalidField("action", "an edit job does one of " + JobRequest.EDIT_ACTIONS);
        }
        if (type.equals(JobRequest.SETUP)) {
            action = null;
        }
        List<JobRequest.UserEntry> entries = request.users() == null ? List.of() : request.users();
        if (entries.isEmpty() || entries.size() > config.jobs().maxUsers()) {
            throw ProblemException.invalidField("users", "name 1 to " + config.jobs().maxUsers() + " users; "
                    + entries.size() + " given");
        }
        Map<UUID, UserRow> rows = rows(networkId, entries);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JobRequest.UserEntry e = entries.get(i);
            String at = "users[" + i + "]";
            if (e == null || e.userId() == null) {
                errors.add(new Problem.FieldError(at + ".userId", "is required"));
                continue;
            }
            if (!seen.add(e.userId())) {
                errors.add(new Problem.FieldError(at + ".userId", e.userId() + " is named twice; name each user once"));
                continue;
            }
            UserRow row = rows.get(e.userId());
            if (row == null) {
                errors.add(new Problem.FieldError(at + ".userId", "no user " + e.userId() + " in this network"));
            } else if ("DEACTIVATED".equals(row.status)) {
                errors.add(new Problem.FieldError(at + ".userId", name(row) + " is deactivated"));
            }
        }
        List<StepRow> steps = new ArrayList<>();
        UUID jobId = UUID.randomUUID();
        if (errors.isEmpty()) {
            Checks checks = new Checks(errors);
            if (type.equals(JobRequest.SETUP)) {
                planSetup(jobId, request, entries, rows, checks, steps);
            } else {
                planEdit(jobId, action, request, entries, rows, checks, steps);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-job", "The job was not started",
                    errors.size() + " problem(s) in the request; fix them and submit it again (nothing was changed)", errors);
        }
        jobs.lockSubmissions(networkId);
        Map<UUID, UUID> busy = jobs.busyUsers(networkId, rows.keySet());
        if (!busy.isEmpty()) {
            List<Problem.FieldError> conflicts = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                UUID other = busy.get(entries.get(i).userId());
                if (other != null) {
                    conflicts.add(new Problem.FieldError("users[" + i + "].userId", name(rows.get(entries.get(i).userId()))
                            + " has steps still running in job " + other));
                }
            }
            throw new ProblemException(409, "users-busy", "Some users are in a running job", conflicts.size()
                    + " user(s) are still being set up or edited by another job; wait for it to complete", conflicts);
        }
        Instant now = Instant.now();
        JobRow job = new JobRow(jobId, networkId, type, action, JobEngine.RUNNING, 1, entries.size(), requestedBy,
                EventJson.write(request), now, now, null);
        jobs.insert(job, steps);
        ready.fire(new JobReady(jobId));
        return job;
    }

    @Transactional
    public JobView view(UUID networkId, UUID jobId, boolean onlyUnfinished) {
        JobRow job = jobs.find(networkId, jobId).orElseThrow(() -> ProblemException.notFound("Job", jobId));
        return view(job, jobs.steps(jobId), onlyUnfinished);
    }

    /** The job's progress without its users' steps (what the submit and retry answers carry). */
    @Transactional
    public JobView summary(UUID networkId, UUID jobId) {
        JobRow job = jobs.find(networkId, jobId).orElseThrow(() -> ProblemException.notFound("Job", jobId));
        return summary(job, jobs.tally(jobId));
    }

    @Transactional
    public JobPage list(UUID networkId, int limit, String cursor) {
        JobRow after = null;
        if (cursor != null && !cursor.isBlank()) {
            UUID id;
            try {
                id = UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this list returned; start again without it");
            }
            after = jobs.find(networkId, id).orElseThrow(() -> ProblemException.invalidField("cursor",
                    "is not a cursor this list returned; start again without it"));
        }
        List<JobRow> page = jobs.list(networkId, after, limit + 1);
        List<JobView> items = page.stream().limit(limit).map(j -> summary(j, jobs.tally(j.id()))).toList();
        String next = page.size() > limit ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.get(limit - 1).id().toString().getBytes(StandardCharsets.UTF_8)) : null;
        return new JobPage(items, next);
    }

    /** Failed steps, and the steps they held back, run again; steps that succeeded are not repeated. */
    @Transactional
    public JobView retry(UUID networkId, UUID jobId) {
        jobs.find(networkId, jobId).orElseThrow(() -> ProblemException.notFound("Job", jobId));
        JobRow job = jobs.lock(jobId).orElseThrow();
        if (JobEngine.RUNNING.equals(job.status())) {
            throw ProblemException.conflict("The job is still running; retry its failed steps once it has completed");
        }
        Set<UUID> retried = jobs.steps(jobId).stream().filter(s -> !JobEngine.SUCCEEDED.equals(s.status()))
                .map(StepRow::userId).collect(Collectors.toSet());
        if (retried.isEmpty()) {
            throw ProblemException.conflict("Nothing to retry: every step of the job succeeded");
        }
        jobs.lockSubmissions(networkId);
        Map<UUID, UUID> busy = jobs.busyUsers(networkId, retried);
        if (!busy.isEmpty()) {
            throw ProblemException.conflict(busy.size() + " of the users to retry are in job " + busy.values().iterator().next()
                    + ", still running; retry once it has completed");
        }
        jobs.reopen(jobId);
        ready.fire(new JobReady(jobId));
        return summary(jobs.find(networkId, jobId).orElseThrow(), jobs.tally(jobId));
    }

    // --- planning -------------------------------------------------------------------------------------------------

    private void planSetup(UUID jobId, JobRequest r, List<JobRequest.UserEntry> entries, Map<UUID, UserRow> rows,
                           Checks checks, List<StepRow> steps) {
        String level = r.seat() == null || r.seat().level() == null ? "" : r.seat().level().trim().toLowerCase(Locale.ROOT);
        if (!level.equals("basic") && !level.equals("advanced")) {
            checks.add("seat.level", "a setup gives a basic or advanced seat");
        }
        Map<UUID, String> chosen = chosenLines(entries, checks);
        checkPool(r, entries.size() - chosen.size(), checks);
        String voicemailAction = r.voicemail() != null && Boolean.TRUE.equals(r.voicemail().create()) ? "create" : null;
        Map<String, Object> recording = recording(r.recording(), checks, false);
        List<String> queueIds = queues(r.queueIds(), checks, false);
        for (int i = 0; i < entries.size(); i++) {
            JobRequest.UserEntry e = entries.get(i);
            UserRow row = rows.get(e.userId());
            String at = "users[" + i + "]";
            if (!"NONE".equals(row.seatLevel)) {
                checks.add(at + ".userId", name(row) + " already has a " + row.seatLevel.toLowerCase()
                        + " seat; change it with an edit job instead of a setup");
            }
            UUID billTo = e.billToTenantId() != null ? e.billToTenantId() : r.seat() == null ? null : r.seat().billToTenantId();
            if (billTo == null) {
                checks.add(at + ".billToTenantId", "choose the tenant to bill the seat to (seat.billToTenantId)");
            } else if (!Arrays.asList(row.tenantIds).contains(billTo)) {
                checks.add(at + ".billToTenantId", "tenant " + billTo + " is not one of " + name(row) + "'s tenants "
                        + Arrays.toString(row.tenantIds));
            }
            JobRequest.AddressChoice address = e.e911() != null ? e.e911() : r.e911();
            if (address == null) {
                checks.add(at + ".e911", "an E911 address is required for a seat (give e911, or one per user)");
            } else {
                checks.address(e.e911() != null ? at + ".e911" : "e911", address);
            }
            Map<String, Object> seat = map("mode", "reserve", "level", level, "billTo", billTo);
            int seq = 0;
            steps.add(step(jobId, e.userId(), i, JobStage.SEAT, seq++, seat));
            steps.add(step(jobId, e.userId(), i, JobStage.DIRECT_LINE, seq++, map("number", chosen.get(e.userId()))));
            steps.add(step(jobId, e.userId(), i, JobStage.E911, seq++, address == null ? Map.of() : addressInput(address)));
            steps.add(step(jobId, e.userId(), i, JobStage.ACTIVATE, seq++, map("level", level, "billTo", billTo)));
            if (voicemailAction != null) {
                steps.add(step(jobId, e.userId(), i, JobStage.VOICEMAIL, seq++, map("action", voicemailAction,
                        "emailNotifications", r.voicemail().notifications())));
            }
            if (recording != null) {
                steps.add(step(jobId, e.userId(), i, JobStage.RECORDING, seq++, recording));
            }
            if (!queueIds.isEmpty()) {
                steps.add(step(jobId, e.userId(), i, JobStage.QUEUES, seq, map("action", "assign", "queueIds", queueIds)));
            }
        }
    }

    private void planEdit(UUID jobId, String action, JobRequest r, List<JobRequest.UserEntry> entries,
                          Map<UUID, UserRow> rows, Checks checks, List<StepRow> steps) {
        Map<UUID, String> chosen = action.equals("direct-line") ? chosenLines(entries, checks) : Map.of();
        if (action.equals("direct-line")) {
            checkPool(r, entries.size() - chosen.size(), checks);
        }
        String level = null;
        if (action.equals("seat-level")) {
            level = r.seat() == null || r.seat().level() == null ? "" : r.seat().level().trim().toLowerCase(Locale.ROOT);
            if (!List.of("none", "basic", "advanced").contains(level)) {
                checks.add("seat.level", "must be none, basic or advanced");
            }
        }
        Map<String, Object> recording = action.equals("recording") ? recording(r.recording(), checks, true) : null;
        List<String> queueIds = action.endsWith("-queues") ? queues(r.queueIds(), checks, true) : List.of();
        if (action.equals("e911") && r.e911() != null) {
            checks.address("e911", r.e911());
        }
        Set<UUID> withE911 = E911Address.<E911Address>list("userId in ?1", rows.keySet()).stream().map(a -> a.userId)
                .collect(Collectors.toSet());
        for (int i = 0; i < entries.size(); i++) {
            JobRequest.UserEntry e = entries.get(i);
            UserRow row = rows.get(e.userId());
            String at = "users[" + i + "]";
            List<String> missing = new ArrayList<>();
            if ("NONE".equals(row.seatLevel)) {
                missing.add("a seat");
            }
            if (row.directLine == null) {
                missing.add("a direct line");
            }
            if (!withE911.contains(e.userId())) {
                missing.add("an E911 address");
            }
            if (!missing.isEmpty()) {
                checks.add(at + ".userId", name(row) + " has no " + String.join(", ", missing)
                        + "; set them up with a setup job first (seed 003: edits need seat, line and E911)");
                continue;
            }
            Map<String, Object> input;
            JobStage stage;
            switch (action) {
                case "seat-level" -> {
                    stage = JobStage.SEAT;
                    UUID billTo = e.billToTenantId() != null ? e.billToTenantId()
                            : r.seat() != null && r.seat().billToTenantId() != null ? r.seat().billToTenantId() : row.billTo;
                    if (!"none".equals(level) && !Arrays.asList(row.tenantIds).contains(billTo)) {
                        checks.add(at + ".billToTenantId", "tenant " + billTo + " is not one of " + name(row)
                                + "'s tenants " + Arrays.toString(row.tenantIds));
                    }
                    input = map("mode", "change", "level", level, "billTo", billTo);
                }
                case "direct-line" -> {
                    stage = JobStage.DIRECT_LINE;
                    input = map("number", chosen.get(e.userId()), "replacing", row.directLine);
                }
                case "e911" -> {
                    stage = JobStage.E911;
                    JobRequest.AddressChoice address = e.e911() != null ? e.e911() : r.e911();
                    if (address == null) {
                        checks.add(at + ".e911", "give the new E911 address (e911, or one per user)");
                        continue;
                    }
                    if (e.e911() != null) {
                        checks.address(at + ".e911", address);
                    }
                    input = addressInput(address);
                }
                case "create-voicemail", "delete-voicemail" -> {
                    stage = JobStage.VOICEMAIL;
                    input = map("action", action.startsWith("create") ? "create" : "delete", "emailNotifications",
                            r.voicemail() == null || r.voicemail().notifications());
                }
                case "recording" -> {
                    stage = JobStage.RECORDING;
                    input = recording;
                }
                default -> {
                    stage = JobStage.QUEUES;
                    input = map("action", action.startsWith("assign") ? "assign" : "remove", "queueIds", queueIds);
                }
            }
            steps.add(step(jobId, e.userId(), i, stage, 0, input));
        }
    }

    /** Each user's chosen direct line, well-formed and chosen for one user only. */
    private static Map<UUID, String> chosenLines(List<JobRequest.UserEntry> entries, Checks checks) {
        Map<UUID, String> chosen = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JobRequest.UserEntry e = entries.get(i);
            if (e.directLine() == null || e.directLine().isBlank()) {
                continue;
            }
            String number = northAmerican(e.directLine());
            if (number == null) {
                checks.add("users[" + i + "].directLine", "'" + e.directLine() + "' is not a North American number");
                continue;
            }
            Integer other = taken.putIfAbsent(number, i);
            if (other != null) {
                checks.add("users[" + i + "].directLine", number + " is also chosen for users[" + other + "]; a number "
                        + "can be one person's only");
                continue;
            }
            chosen.put(e.userId(), number);
        }
        return chosen;
    }

    /** The selected numbers must be enough for everyone who did not choose one. */
    private static void checkPool(JobRequest r, int needed, Checks checks) {
        if (r.directLines() == null || r.directLines().numbers() == null) {
            return;
        }
        List<String> pool = r.directLines().numbers();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            String n = pool.get(i) == null ? null : northAmerican(pool.get(i));
            if (n == null) {
                checks.add("directLines.numbers[" + i + "]", "'" + pool.get(i) + "' is not a North American number");
            } else if (!distinct.add(n)) {
                checks.add("directLines.numbers[" + i + "]", n + " is selected twice");
            }
        }
        if (distinct.size() < needed) {
            checks.add("directLines.numbers", needed + " users need a number from the selection but only "
                    + distinct.size() + " are selected; select more numbers");
        }
    }

    private static Map<String, Object> recording(JobRequest.RecordingChoice choice, Checks checks, boolean required) {
        if (choice == null) {
            if (required) {
                checks.add("recording", "give useDefaults: true, or inbound / outbound / announcement");
            }
            return null;
        }
        if (choice.defaults()) {
            return map("useDefaults", true);
        }
        String inbound = mode(choice.inbound(), "recording.inbound", RecordingChanged.MODES, checks);
        String outbound = mode(choice.outbound(), "recording.outbound", RecordingChanged.MODES, checks);
        String announcement = mode(choice.announcement(), "recording.announcement", RecordingChanged.ANNOUNCEMENTS, checks);
        if (inbound == null && outbound == null && announcement == null) {
            checks.add("recording", "give useDefaults: true, or at least one of inbound / outbound / announcement");
        }
        return map("useDefaults", false, "inbound", inbound, "outbound", outbound, "announcement", announcement);
    }

    private static String mode(String raw, String field, List<String> allowed, Checks checks) {
        if (raw == null) {
            return null;
        }
        String mode = raw.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(mode)) {
            checks.add(field, "must be one of " + allowed.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList());
            return null;
        }
        return mode;
    }

    private static List<String> queues(List<UUID> queueIds, Checks checks, boolean required) {
        List<UUID> ids = queueIds == null ? List.of() : queueIds;
        if (required && ids.isEmpty()) {
            checks.add("queueIds", "name at least one queue");
        }
        if (ids.size() > MAX_QUEUES) {
            checks.add("queueIds", "at most " + MAX_QUEUES + " queues at a time (seed 003); " + ids.size() + " given");
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            checks.add("queueIds", "contains an empty queue id");
            return List.of();
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            checks.add("queueIds", "names a queue twice");
        }
        return ids.stream().map(UUID::toString).toList();
    }

    /** +1 and ten digits, from what people type; null if it is not one. */
    static String northAmerican(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        return digits.length() == 10 ? "+1" + digits : null;
    }

    private static Map<String, Object> addressInput(JobRequest.AddressChoice a) {
        return map("street", a.street(), "unit", a.unit(), "city", a.city(), "state", a.state(), "country", a.country(),
                "postalCode", a.postalCode(), "allowUnverified", a.unverifiedAllowed());
    }

    private static StepRow step(UUID jobId, UUID userId, int position, JobStage stage, int seq, Map<String, Object> input) {
        return new StepRow(jobId, userId, position, stage.key(), seq, JobEngine.PENDING, EventJson.write(input), null, null,
                null, 0, null, null);
    }

    /** A map that keeps nulls out (JSON inputs stay small) and keys in order. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static Map<UUID, UserRow> rows(UUID networkId, List<JobRequest.UserEntry> entries) {
        List<UUID> ids = entries.stream().filter(e -> e != null && e.userId() != null).map(JobRequest.UserEntry::userId)
                .distinct().toList();
        return UserRow.<UserRow>list("networkId = ?1 and userId in ?2", networkId, ids).stream()
                .collect(Collectors.toMap(r -> r.userId, Function.identity()));
    }

    private static String name(UserRow row) {
        String name = ((row.firstName == null ? "" : row.firstName) + " " + (row.lastName == null ? "" : row.lastName)).trim();
        return name.isEmpty() ? String.valueOf(row.email) : name;
    }

    // --- views ------------------------------------------------------------------------------------------------------

    private JobView view(JobRow job, List<StepRow> steps, boolean onlyUnfinished) {
        Map<UUID, List<StepRow>> byUser = new LinkedHashMap<>();
        steps.forEach(s -> byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s));
        Map<UUID, UserRow> rows = !byUser.isEmpty()
                ? UserRow.<UserRow>list("userId in ?1", byUser.keySet()).stream()
                .collect(Collectors.toMap(r -> r.userId, Function.identity()))
                : Map.of();
        int succeeded = 0, failed = 0, skipped = 0, running = 0, pending = 0, complete = 0, failedUsers = 0;
        List<UserView> users = new ArrayList<>();
        for (Map.Entry<UUID, List<StepRow>> e : byUser.entrySet()) {
            Map<String, Long> counts = e.getValue().stream().collect(Collectors.groupingBy(StepRow::status, Collectors.counting()));
            succeeded += counts.getOrDefault(JobEngine.SUCCEEDED, 0L);
            failed += counts.getOrDefault(JobEngine.FAILED, 0L);
            skipped += counts.getOrDefault(JobEngine.SKIPPED, 0L);
            running += counts.getOrDefault(JobEngine.RUNNING, 0L);
            pending += counts.getOrDefault(JobEngine.PENDING, 0L);
            String status;
            if (counts.getOrDefault(JobEngine.SUCCEEDED, 0L) == e.getValue().size()) {
                status = "complete";
                complete++;
            } else if (counts.containsKey(JobEngine.PENDING) || counts.containsKey(JobEngine.RUNNING)) {
                status = "in-progress";
            } else {
                status = "failed";
                failedUsers++;
            }
            if (!onlyUnfinished || !status.equals("complete")) {
                UserRow row = rows.get(e.getKey());
                users.add(new UserView(e.getKey(), row == null ? null : name(row), row == null ? null : row.email, status,
                        e.getValue().stream().map(s -> new StepView(s.stage(), s.status(), s.detail(), s.reason(),
                                s.attempts())).toList()));
            }
        }
        return new JobView(job.id(), job.type(), job.action(), job.status(), job.round(), job.requestedBy(),
                job.createdAt(), job.updatedAt(), job.completedAt(), progress(byUser.size(), complete, failedUsers,
                steps.size(), succeeded, failed, skipped, running, pending), users);
    }

    /** The job's progress from per-user counts, without its steps (the list shows many jobs). */
    private static JobView summary(JobRow job, List<JobRepository.UserTally> tally) {
        int steps = 0, succeeded = 0, failed = 0, skipped = 0, running = 0, pending = 0, complete = 0, failedUsers = 0;
        for (JobRepository.UserTally t : tally) {
            steps += t.steps();
            succeeded += t.succeeded();
            failed += t.failed();
            skipped += t.skipped();
            running += t.running();
            pending += t.pending();
            if (t.succeeded() == t.steps()) {
                complete++;
            } else if (t.running() + t.pending() == 0) {
                failedUsers++;
            }
        }
        return new JobView(job.id(), job.type(), job.action(), job.status(), job.round(), job.requestedBy(),
                job.createdAt(), job.updatedAt(), job.completedAt(), progress(tally.size(), complete, failedUsers, steps,
                succeeded, failed, skipped, running, pending), null);
    }

    private static Progress progress(int users, int complete, int failedUsers, int steps, int succeeded, int failed,
                                     int skipped, int running, int pending) {
        int done = succeeded + failed + skipped;
        return new Progress(users, complete, failedUsers, steps, succeeded, failed, skipped, running, pending,
                steps == 0 ? 100 : (int) (100L * done / steps));
    }

    /** Collects row errors; an E911 address is checked once per distinct address. */
    private final class Checks {
        private final List<Problem.FieldError> errors;
        private final Set<String> checkedAddresses = new HashSet<>();

        Checks(List<Problem.FieldError> errors) {
            this.errors = errors;
        }

        void add(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
        }

        void address(String field, JobRequest.AddressChoice address) {
            if (!checkedAddresses.add(field + "|" + address)) {
                return;
            }
            try {
                seats.checkE911(address.address(), address.unverifiedAllowed());
            } catch (ProblemException e) {
                List<Problem.FieldError> problems = e.toProblem().errors();
                if (problems == null || problems.isEmpty()) {
                    add(field, e.getMessage());
                } else {
                    problems.forEach(p -> add(field + "." + p.field(), p.message()));
                }
            }
        }
    }
}
