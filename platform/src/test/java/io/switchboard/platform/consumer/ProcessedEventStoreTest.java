package io.switchboard.platform.consumer;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedEventStoreTest {

    @Test
    void purgeForgetsOnlyIdsOlderThanTheRetentionAndAForgottenIdCountsAsNewAgain() throws Exception {
        PGSimpleDataSource ds = io.switchboard.platform.PlatformTestSupport.freshDatabase();
        ProcessedEventStore store = new ProcessedEventStore();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            assertThat(store.markProcessed(c, "svc.x", old, "t")).isTrue();
            assertThat(store.markProcessed(c, "svc.x", recent, "t")).isTrue();
            assertThat(store.markProcessed(c, "svc.x", recent, "t")).isFalse();
            c.createStatement().executeUpdate("update processed_event set processed_at = now() - interval '8 days' where event_id = '" + old + "'");

            assertThat(store.purgeOlderThan(c, Duration.ofDays(7))).isEqualTo(1);

            try (ResultSet rs = c.createStatement().executeQuery("select event_id from processed_event")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, UUID.class)).isEqualTo(recent);
                assertThat(rs.next()).isFalse();
            }
            assertThat(store.markProcessed(c, "svc.x", recent, "t")).isFalse();
        }
    }
}
