package io.switchboard.seat.repository;

import io.switchboard.platform.events.EventJson;
import io.switchboard.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs and their steps, in plain JDBC on the caller's transaction: a 1,000-user job has thousands of steps, written and
 * updated in batches.
 */
@ApplicationScoped
public class JobRepository {

    public record JobRow(UUID id, UUID networkId, String type, String action, String status, int round, int users,
                         String requestedBy, String request, Instant createdAt, Instant updatedAt, Instant completedAt) {
    }

    public record StepRow(UUID jobId, UUID userId, int position, String stage, int seq, String status, String input,
                          String detail, String reason, UUID requestId, int attempts, Instant sentAt, Instant finishedAt) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> inputMap() {
            return EventJson.read(input, Map.class);
        }
    }

    /** A step's new state; null fields keep their value except {@code reason}, which is always written. */
    public record StepUpdate(UUID userId, String stage, String status, String detail, String reason) {
    }

    private static final String JOB_COLUMNS = "id, network_id, type, action, status, round, users, requested_by, "
            + "request::text, created_at, updated_at, completed_at";
    private static final String STEP_COLUMNS = "job_id, user_id, position, stage, seq, status, input::text, detail, reason, "
            + "request_id, attempts, sent_at, finished_at";

    private final Transactions transactions;

    public JobRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    public void insert(JobRow job, List<StepRow> steps) {
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into job (id, network_id, type, action, status, round, "
                    + "users, requested_by, request, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
                ps.setObject(1, job.id());
                ps.setObject(2, job.networkId());
                ps.setString(3, job.type());
                ps.setString(4, job.action());
                ps.setString(5, job.status());
                ps.setInt(6, job.round());
                ps.setInt(7, job.users());
                ps.setString(8, job.requestedBy());
                ps.setString(9, job.request());
                ps.setTimestamp(10, Timestamp.from(job.createdAt()));
                ps.setTimestamp(11, Timestamp.from(job.updatedAt()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into job_step (job_id, user_id, position, stage, seq, "
                    + "status, input) values (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                for (StepRow s : steps) {
                    ps.setObject(1, s.jobId());
                    ps.setObject(2, s.userId());
                    ps.setInt(3, s.position());
                    ps.setString(4, s.stage());
                    ps.setInt(5, s.seq());
                    ps.setString(6, s.status());
                    ps.setString(7, s.input());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * The job, locked until the transaction ends. A pass over the whole job (start, retry, sweep, completion) holds it
     * exclusively; passes for the users of one reply hold it shared, so replies apply side by side but never during a
     * whole-job pass.
     */
    public Optional<JobRow> lock(UUID jobId) {
        return one("select " + JOB_COLUMNS + " from job where id = ? for update", jobId);
    }

    public Optional<JobRow> lockShared(UUID jobId) {
        return one("select " + JOB_COLUMNS + " from job where id = ? for share", jobId);
    }

    /** Locks these users' steps (in a fixed order, so two replies never deadlock): one pass per user at a time. */
    public void lockSteps(UUID jobId, Collection<UUID> users) {
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select 1 from job_step where job_id = ? and user_id = any(?) order by user_id, stage for update""")) {
                ps.setObject(1, jobId);
                ps.setArray(2, c.createArrayOf("uuid", users.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // locked
                    }
                }
            }
            return null;
        });
    }

    public Optional<JobRow> find(UUID networkId, UUID jobId) {
        return one("select " + JOB_COLUMNS + " from job where id = ? and network_id = ?", jobId, networkId);
    }

    /** Newest first; {@code after} is the last job of the previous page. */
    public List<JobRow> list(UUID networkId, JobRow after, int limit) {
        return transactions.withConnection(c -> {
            String sql = "select " + JOB_COLUMNS + " from job where network_id = ?"
                    + (after == null ? "" : " and (created_at, id) < (?, ?)") + " order by created_at desc, id desc limit ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, networkId);
                if (after != null) {
                    ps.setTimestamp(i++, Timestamp.from(after.createdAt()));
                    ps.setObject(i++, after.id());
                }
                ps.setInt(i, limit);
                return jobs(ps);
            }
        });
    }

    /** How many of the job's steps wait for a reply. */
    public int waitingForReplies(UUID jobId) {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from job_step where job_id = ? and status = 'running'")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Per user: how many steps, and how many in each status (what a progress summary needs, without the steps). */
    public record UserTally(UUID userId, int steps, int succeeded, int failed, int skipped, int running, int pending) {
    }

    public List<UserTally> tally(UUID jobId) {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select user_id, count(*), count(*) filter (where status = 'succeeded'),
                           count(*) filter (where status = 'failed'), count(*) filter (where status = 'skipped'),
                           count(*) filter (where status = 'running'), count(*) filter (where status = 'pending')
                      from job_step where job_id = ? group by user_id""")) {
                ps.setObject(1, jobId);
                List<UserTally> tally = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tally.add(new UserTally(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                                rs.getInt(5), rs.getInt(6), rs.getInt(7)));
                    }
                }
                return tally;
            }
        });
    }

    public List<UUID> running() {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id from job where status = 'running' order by created_at")) {
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    public Optional<UUID> jobOfRequest(UUID requestId) {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select job_id from job_step where request_id = ? limit 1")) {
                ps.setObject(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Serializes job submissions of one network until the transaction ends, so two submissions naming the same user
     * cannot both find them free.
     */
    public void lockSubmissions(UUID networkId) {
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "jobs:" + networkId);
                ps.execute();
            }
            return null;
        });
    }

    /** Of these users, those with a step still to run in another running job of the network, and that job. */
    public Map<UUID, UUID> busyUsers(UUID networkId, Collection<UUID> userIds) {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select distinct on (s.user_id) s.user_id, s.job_id from job_step s join job j on j.id = s.job_id
                     where j.network_id = ? and j.status = 'running' and s.status in ('pending', 'running')
                       and s.user_id = any(?)""")) {
                ps.setObject(1, networkId);
                ps.setArray(2, c.createArrayOf("uuid", userIds.toArray()));
                Map<UUID, UUID> busy = new java.util.LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        busy.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    }
                }
                return busy;
            }
        });
    }

    public List<StepRow> steps(UUID jobId) {
        return steps(jobId, null);
    }

    /** The steps of these users only (null: all), in user and stage order. */
    public List<StepRow> steps(UUID jobId, Collection<UUID> users) {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + STEP_COLUMNS + " from job_step where job_id = ?"
                    + (users == null ? "" : " and user_id = any(?)") + " order by position, seq")) {
                ps.setObject(1, jobId);
                if (users != null) {
                    ps.setArray(2, c.createArrayOf("uuid", users.toArray()));
                }
                List<StepRow> steps = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(new StepRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getObject(10, UUID.class), rs.getInt(11), instant(rs, 12), instant(rs, 13)));
                    }
                }
                return steps;
            }
        });
    }

    /** Finishes steps (succeeded, failed, skipped); only steps not already finished change, so a late reply is moot. */
    public void finish(UUID jobId, List<StepUpdate> updates) {
        batch("""
                update job_step set status = ?, detail = coalesce(?, detail), reason = ?, finished_at = now()
                 where job_id = ? and user_id = ? and stage = ? and status in ('pending', 'running')""", jobId, updates, null);
    }

    /** Replies to this request for these steps, applied only while the step still waits for exactly this request. */
    public List<StepUpdate> finishReplied(UUID jobId, UUID requestId, List<StepUpdate> updates) {
        int[] counts = batch("""
                update job_step set status = ?, detail = ?, reason = ?, finished_at = now()
                 where job_id = ? and user_id = ? and stage = ? and status = 'running' and request_id = ?""",
                jobId, updates, requestId);
        List<StepUpdate> applied = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                applied.add(updates.get(i));
            }
        }
        return applied;
    }

    /** One statement per update: {@code status, detail, reason, job, user, stage}, then {@code requestId} if given. */
    private int[] batch(String sql, UUID jobId, List<StepUpdate> updates, UUID requestId) {
        if (updates.isEmpty()) {
            return new int[0];
        }
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (StepUpdate u : updates) {
                    ps.setString(1, u.status());
                    ps.setString(2, u.detail());
                    ps.setString(3, u.reason());
                    ps.setObject(4, jobId);
                    ps.setObject(5, u.userId());
                    ps.setString(6, u.stage());
                    if (requestId != null) {
                        ps.setObject(7, requestId);
                    }
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    public void markSent(UUID jobId, UUID requestId, String stage, Collection<UUID> userIds) {
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update job_step set status = 'running', request_id = ?, attempts = attempts + 1, sent_at = now(),
                           reason = null
                     where job_id = ? and stage = ? and user_id = any(?) and status = 'pending'""")) {
                ps.setObject(1, requestId);
                ps.setObject(2, jobId);
                ps.setString(3, stage);
                ps.setArray(4, c.createArrayOf("uuid", userIds.toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Steps seat-service ran itself count their attempts too (a command's steps count theirs when sent). */
    public void countAttempt(UUID jobId, List<StepUpdate> steps) {
        if (steps.isEmpty()) {
            return;
        }
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update job_step set attempts = attempts + 1 where job_id = ? and user_id = ? and stage = ?")) {
                for (StepUpdate s : steps) {
                    ps.setObject(1, jobId);
                    ps.setObject(2, s.userId());
                    ps.setString(3, s.stage());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Failed and skipped steps back to pending, and the job running again in a new round; how many steps reopened. */
    public int reopen(UUID jobId) {
        return transactions.withConnection(c -> {
            int reopened;
            try (PreparedStatement ps = c.prepareStatement("""
                    update job_step set status = 'pending', request_id = null, sent_at = null, finished_at = null
                     where job_id = ? and status in ('failed', 'skipped')""")) {
                ps.setObject(1, jobId);
                reopened = ps.executeUpdate();
            }
            if (reopened > 0) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update job set status = 'running', round = round + 1, updated_at = now(), completed_at = null
                         where id = ?""")) {
                    ps.setObject(1, jobId);
                    ps.executeUpdate();
                }
            }
            return reopened;
        });
    }

    public void complete(UUID jobId, String status) {
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update job set status = ?, updated_at = now(), completed_at = now() where id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void touch(UUID jobId) {
        transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update job set updated_at = now() where id = ?")) {
                ps.setObject(1, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<JobRow> one(String sql, Object... params) {
        return transactions.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<JobRow> rows = jobs(ps);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
    }

    private static List<JobRow> jobs(PreparedStatement ps) throws SQLException {
        List<JobRow> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(new JobRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        instant(rs, 10), instant(rs, 11), instant(rs, 12)));
            }
        }
        return jobs;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
