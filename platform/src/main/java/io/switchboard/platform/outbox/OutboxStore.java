package io.switchboard.platform.outbox;

import io.switchboard.platform.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the outbox table (see db/platform/V0_1__outbox_and_processed_events.sql). */
public final class OutboxStore {

    /** A row waiting to be published. */
    public record PendingEvent(long seq, String topic, EventEnvelope event, String traceparent) {
    }

    public void append(Connection c, String topic, EventEnvelope e) throws SQLException {
        append(c, topic, e, null);
    }

    public void append(Connection c, String topic, EventEnvelope e, String traceparent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox_event (event_id, topic, record_key, event_type, source, event_time, network_id, actor, payload,
                                          traceparent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, e.id());
            ps.setString(2, topic);
            ps.setString(3, e.subject());
            ps.setString(4, e.type());
            ps.setString(5, e.source());
            ps.setTimestamp(6, Timestamp.from(e.time()));
            ps.setObject(7, e.networkId());
            ps.setString(8, e.actor());
            ps.setString(9, e.data());
            ps.setString(10, traceparent);
            ps.executeUpdate();
        }
    }

    /**
     * Takes the transaction-scoped advisory lock that makes one relay per database the only publisher, so rows go out
     * in seq order even with several replicas running.
     */
    public boolean tryLockRelay(Connection c, long lockKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public List<PendingEvent> pending(Connection c, int limit) throws SQLException {
        List<PendingEvent> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select seq, event_id, topic, record_key, event_type, source, event_time, network_id, actor, payload, traceparent
                from outbox_event where published_at is null order by seq limit ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventEnvelope e = new EventEnvelope(
                            rs.getObject("event_id", UUID.class),
                            rs.getString("event_type"),
                            rs.getString("source"),
                            rs.getString("record_key"),
                            rs.getTimestamp("event_time").toInstant(),
                            rs.getObject("network_id", UUID.class),
                            rs.getString("actor"),
                            rs.getString("payload"));
                    rows.add(new PendingEvent(rs.getLong("seq"), rs.getString("topic"), e, rs.getString("traceparent")));
                }
            }
        }
        return rows;
    }

    /**
     * Marks exactly the rows that were sent. Not a seq range: a transaction that took a seq inside the range may commit
     * after the batch was read, and its row must stay pending.
     */
    public void markPublished(Connection c, List<PendingEvent> sent) throws SQLException {
        Long[] seqs = sent.stream().map(PendingEvent::seq).toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_event set published_at = now() where seq = any(?) and published_at is null")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs));
            ps.executeUpdate();
        }
    }

    public long pendingCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Age of the oldest unpublished event: how far the relay is behind the database. Zero when nothing waits. */
    public Duration lag(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select min(created_at) from outbox_event where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(1);
            return oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now());
        }
    }

    /** Removes published rows older than the retention, so the table stays small. */
    public int purgePublished(Connection c, Duration retention) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "delete from outbox_event where published_at is not null and published_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return ps.executeUpdate();
        }
    }
}
