package io.switchboard.platform;

import io.switchboard.infra.KafkaBroker;
import io.switchboard.infra.Ports;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.outbox.OutboxRelay;
import io.switchboard.platform.outbox.OutboxStore;
import io.switchboard.platform.tx.JdbcTransactions;
import io.switchboard.platform.tx.Transactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxRelayTest {

    private final OutboxStore store = new OutboxStore();

    @Test
    void eventCommittedBeforeTheServiceDiedIsPublishedWhenTheRelayRunsAgain() throws Exception {
        PGSimpleDataSource ds = PlatformTestInfra.freshDatabase();
        JdbcTransactions tx = new JdbcTransactions(ds);
        String topic = PlatformTestInfra.uniqueTopic("crash");
        EventEnvelope event = event("user-1", "user.created");

        // The business transaction commits its event; the process dies before any relay publishes it.
        commit(tx, topic, event);
        assertThat(PlatformTestInfra.read(bootstrap(), topic, 1, Duration.ofSeconds(2))).isEmpty();

        // After the restart a new relay finds the row and publishes it, once.
        try (OutboxRelay relay = new OutboxRelay(tx, bootstrap(), "crash-test", 100)) {
            assertThat(relay.drain()).isEqualTo(1);
            assertThat(relay.drain()).isZero();
        }
        List<ConsumerRecord<String, byte[]>> records = PlatformTestInfra.read(bootstrap(), topic, 2, Duration.ofSeconds(5));
        assertThat(PlatformTestInfra.events(records)).containsExactly(event);
        assertThat(records.get(0).key()).isEqualTo("user-1");
        assertThat(tx.withConnection(store::pendingCount)).isZero();
    }

    @Test
    void crashAfterPublishingButBeforeMarkingRepublishesTheSameEventWithItsId() throws Exception {
        PGSimpleDataSource ds = PlatformTestInfra.freshDatabase();
        JdbcTransactions tx = new JdbcTransactions(ds);
        String topic = PlatformTestInfra.uniqueTopic("crash-after");
        EventEnvelope event = event("user-2", "user.deactivated");
        commit(tx, topic, event);

        // The relay's database transaction dies after Kafka took the batch: the row is not marked published.
        Transactions dyingAtCommit = new Transactions() {
            @Override
            public <T> T inNewTransaction(Callable<T> work) {
                return tx.inNewTransaction(() -> {
                    work.call();
                    throw new IllegalStateException("process killed before commit");
                });
            }

            @Override
            public <T> T withConnection(SqlWork<T> work) {
                return tx.withConnection(work);
            }
        };
        try (OutboxRelay dying = new OutboxRelay(dyingAtCommit, bootstrap(), "crash-after", 100)) {
            assertThatThrownBy(dying::publishBatch).hasMessageContaining("killed");
        }
        assertThat(tx.withConnection(store::pendingCount)).isEqualTo(1);

        try (OutboxRelay relay = new OutboxRelay(tx, bootstrap(), "crash-after", 100)) {
            assertThat(relay.drain()).isEqualTo(1);
        }
        // At least once: the copy carries the same event id, which is what consumers deduplicate on.
        List<EventEnvelope> events = PlatformTestInfra.events(
                PlatformTestInfra.read(bootstrap(), topic, 2, Duration.ofSeconds(10)));
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isEqualTo(event));
    }

    @Test
    void aRowCommittedWhileTheRelayWasPublishingIsNotMarkedWithoutBeingSent() throws Exception {
        PGSimpleDataSource ds = PlatformTestInfra.freshDatabase();
        JdbcTransactions tx = new JdbcTransactions(ds);
        String topic = PlatformTestInfra.uniqueTopic("gap");
        EventEnvelope first = event("user-a", "first");
        EventEnvelope late = event("user-b", "late");
        EventEnvelope third = event("user-c", "third");
        commit(tx, topic, first);
        // A slow transaction takes the next seq and has not committed yet...
        java.sql.Connection slow = ds.getConnection();
        slow.setAutoCommit(false);
        store.append(slow, topic, late);
        commit(tx, topic, third);
        // ...and commits while the relay is between reading its batch and marking it.
        Transactions commitsTheSlowOneMidBatch = new Transactions() {
            @Override
            public <T> T inNewTransaction(Callable<T> work) {
                return tx.inNewTransaction(work);
            }

            @Override
            public <T> T withConnection(SqlWork<T> work) {
                return tx.withConnection(c -> work.apply((java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[]{java.sql.Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")
                                    && ((String) args[0]).startsWith("update outbox_event")) {
                                slow.commit();
                                slow.close();
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        })));
            }
        };
        try (OutboxRelay relay = new OutboxRelay(commitsTheSlowOneMidBatch, bootstrap(), "gap-test", 100)) {
            assertThat(relay.publishBatch()).isEqualTo(2);
        }
        assertThat(tx.withConnection(store::pendingCount)).as("the late row is still waiting").isEqualTo(1);
        try (OutboxRelay relay = new OutboxRelay(tx, bootstrap(), "gap-test", 100)) {
            assertThat(relay.drain()).isEqualTo(1);
        }
        assertThat(PlatformTestInfra.events(PlatformTestInfra.read(bootstrap(), topic, 3, Duration.ofSeconds(10))))
                .containsExactlyInAnyOrder(first, late, third);
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrder() throws Exception {
        PGSimpleDataSource ds = PlatformTestInfra.freshDatabase();
        JdbcTransactions tx = new JdbcTransactions(ds);
        String topic = PlatformTestInfra.uniqueTopic("order");
        List<EventEnvelope> written = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            EventEnvelope e = event("user-" + (i % 7), "step." + i);
            written.add(e);
            commit(tx, topic, e);
        }
        try (OutboxRelay relay = new OutboxRelay(tx, bootstrap(), "order-test", 64)) {
            assertThat(relay.drain()).isEqualTo(300);
        }
        List<EventEnvelope> received = PlatformTestInfra.events(
                PlatformTestInfra.read(bootstrap(), topic, 300, Duration.ofSeconds(15)));
        assertThat(received).hasSize(300);
        assertThat(perKey(received)).isEqualTo(perKey(written));
    }

    @Test
    void writesCommitWhileTheBrokerIsDownAndTheOutboxDrainsAfterItReturns() throws Exception {
        PGSimpleDataSource ds = PlatformTestInfra.freshDatabase();
        JdbcTransactions tx = new JdbcTransactions(ds);
        String topic = PlatformTestInfra.uniqueTopic("outage");
        try (KafkaBroker broker = new KafkaBroker(Path.of(System.getProperty("java.io.tmpdir"), "outage-kafka"), Ports.free())
                .start(Duration.ofSeconds(90));
             OutboxRelay relay = new OutboxRelay(tx, broker.bootstrapServers(), "outage-test", 100)) {
            EventEnvelope before = event("user-9", "before.outage");
            commit(tx, topic, before);
            assertThat(relay.drain()).isEqualTo(1);

            broker.stop();
            List<EventEnvelope> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                EventEnvelope e = event("user-9", "during.outage." + i);
                during.add(e);
                commit(tx, topic, e);
            }
            // The business writes committed; the relay cannot publish and keeps every row.
            assertThatThrownBy(relay::publishBatch).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(relay::publishBatch).isInstanceOf(RuntimeException.class);
            assertThat(tx.withConnection(store::pendingCount)).isEqualTo(5);
            assertThat(tx.withConnection(store::lag)).isPositive();

            broker.start(Duration.ofSeconds(90));
            int published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (published < 5 && System.nanoTime() < deadline) {
                try {
                    published += relay.drain();
                } catch (RuntimeException stillReconnecting) {
                    Thread.sleep(500);
                }
            }
            assertThat(published).isEqualTo(5);
            List<EventEnvelope> received = PlatformTestInfra.events(
                    PlatformTestInfra.read(broker.bootstrapServers(), topic, 6, Duration.ofSeconds(20)));
            List<EventEnvelope> expected = new ArrayList<>(List.of(before));
            expected.addAll(during);
            assertThat(received).containsExactlyElementsOf(expected);
        }
    }

    /** A business transaction that commits one event through the outbox. */
    private void commit(JdbcTransactions tx, String topic, EventEnvelope event) {
        tx.inNewTransaction(() -> tx.withConnection(c -> {
            store.append(c, topic, event);
            return null;
        }));
    }

    private static Map<String, List<String>> perKey(List<EventEnvelope> events) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e.type()));
        return new java.util.TreeMap<>(byKey);
    }

    static EventEnvelope event(String subject, String type) {
        return new EventEnvelope(UUID.randomUUID(), type, "switchboard/test", subject,
                Instant.parse("2026-11-23T10:15:30.123456Z"), UUID.randomUUID(), "user:test",
                "{\"subject\":\"" + subject + "\"}");
    }

    private static String bootstrap() {
        return PlatformTestInfra.kafka().bootstrapServers();
    }
}
