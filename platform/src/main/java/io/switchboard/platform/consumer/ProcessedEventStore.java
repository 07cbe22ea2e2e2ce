package io.switchboard.platform.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** SQL for the processed_event table: the idempotency guard. */
final class ProcessedEventStore {

    /** Records the event; false if this consumer has already processed it. */
    boolean markProcessed(Connection c, String consumer, UUID eventId, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into processed_event (consumer, event_id, topic) values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            ps.setString(3, topic);
            return ps.executeUpdate() == 1;
        }
    }

    /** Forgets events processed before the retention; a redelivery older than that is not expected. */
    int purgeOlderThan(Connection c, Duration retention) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from processed_event where processed_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return ps.executeUpdate();
        }
    }
}
