package io.switchboard.platform.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
}
