package io.switchboard.platform;

import io.switchboard.platform.consumer.EventConsumerLoop;
import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.consumer.IdempotentEventProcessor;
import io.switchboard.platform.consumer.IdempotentEventProcessor.Outcome;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.MalformedEventException;
import io.switchboard.platform.tx.JdbcTransactions;
import io.switchboard.platform.outbox.OutboxRelay;
import io.switchboard.platform.outbox.OutboxStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotentConsumerTest {

    private PGSimpleDataSource ds;
    private JdbcTransactions tx;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() throws Exception {
        ds = PlatformTestInfra.freshDatabase();
        tx = new JdbcTransactions(ds);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestInfra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void redeliveredEventAppliesItsEffectOnce() {
        EventHandler recordEffect = handler(e -> insertEffect(e));
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.effects", recordEffect, tx, producer, 3,
                Duration.ofMillis(10));
        EventEnvelope event = OutboxRelayTest.event("user-1", "user.created");
        ConsumerRecord<String, byte[]> record = record("t", 0, 10, event);
        ConsumerRecord<String, byte[]> redelivered = record("t", 0, 10, event);

        assertThat(processor.process(record)).isEqualTo(Outcome.APPLIED);
        assertThat(processor.process(redelivered)).isEqualTo(Outcome.DUPLICATE);
        assertThat(effects(event.id())).isEqualTo(1);
    }

    @Test
    void eventTypesAHandlerDoesNotRouteArePassedOverWithoutATransaction() {
        AtomicInteger applied = new AtomicInteger();
        EventHandler router = new io.switchboard.platform.consumer.EventRouter("svc.router", "t") {
            {
                on("user.created", Map.class, body -> applied.incrementAndGet());
            }
        };
        io.switchboard.platform.tx.Transactions noTransactions = new io.switchboard.platform.tx.Transactions() {
            @Override
            public <T> T inNewTransaction(java.util.concurrent.Callable<T> work) {
                throw new AssertionError("an ignored event must not open a transaction");
            }

            @Override
            public <T> T withConnection(SqlWork<T> work) {
                throw new AssertionError("an ignored event must not touch the database");
            }
        };
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.router", router, noTransactions, producer,
                3, Duration.ofMillis(10));
        assertThat(processor.process(record("t", 0, 1, OutboxRelayTest.event("user-9", "job.replied"))))
                .isEqualTo(Outcome.IGNORED);
        assertThat(applied.get()).isZero();
        IdempotentEventProcessor real = new IdempotentEventProcessor("svc.router", router, tx, producer, 3,
                Duration.ofMillis(10));
        assertThat(real.process(record("t", 0, 2, OutboxRelayTest.event("user-9", "user.created"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(applied.get()).isEqualTo(1);
    }

    @Test
    void failedAttemptLeavesNoTraceSoTheRetryAppliesTheEffect() {
        AtomicInteger calls = new AtomicInteger();
        EventHandler flaky = handler(e -> {
            insertEffect(e);
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database hiccup");
            }
        });
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.flaky", flaky, tx, producer, 5,
                Duration.ofMillis(10));
        EventEnvelope event = OutboxRelayTest.event("user-2", "user.created");

        assertThat(processor.process(record("t", 0, 1, event))).isEqualTo(Outcome.APPLIED);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(effects(event.id())).isEqualTo(1);
    }

    @Test
    void anUnavailableDatabaseIsRetriedLaterNotDeadLettered() {
        io.switchboard.platform.tx.Transactions databaseDown = new io.switchboard.platform.tx.Transactions() {
            @Override
            public <T> T inNewTransaction(java.util.concurrent.Callable<T> work) {
                throw new IllegalStateException("cannot begin",
                        new java.sql.SQLException("Connection to localhost:5432 refused", "08001"));
            }

            @Override
            public <T> T withConnection(SqlWork<T> work) {
                throw new UnsupportedOperationException();
            }
        };
        String topic = PlatformTestInfra.uniqueTopic("db-down");
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.down", handler(this::insertEffect),
                databaseDown, producer, 3, Duration.ofMillis(10));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> processor.process(record(topic, 0, 1, OutboxRelayTest.event("user-5", "user.created"))))
                .isInstanceOf(IdempotentEventProcessor.RetryLaterException.class);
        assertThat(PlatformTestInfra.read(PlatformTestInfra.kafka().bootstrapServers(), topic + ".dlq", 1,
                Duration.ofSeconds(3))).as("nothing dead-lettered").isEmpty();
    }

    @Test
    void poisonMessageLandsOnTheDeadLetterTopicWithTheErrorAndConsumptionGoesOn() throws Exception {
        String topic = PlatformTestInfra.uniqueTopic("poison");
        EventHandler rejectsPoison = handler(e -> {
            if (e.type().equals("poison")) {
                throw new IllegalArgumentException("cannot apply " + e.id());
            }
            insertEffect(e);
        });
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.poison", rejectsPoison, tx, producer, 3,
                Duration.ofMillis(10));
        EventEnvelope poison = OutboxRelayTest.event("user-3", "poison");
        EventEnvelope good = OutboxRelayTest.event("user-3", "user.created");
        producer.send(CloudEventCodec.toRecord(topic, poison)).get();
        producer.send(new ProducerRecord<>(topic, "user-3", "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        producer.send(CloudEventCodec.toRecord(topic, good)).get();

        EventConsumerLoop loop = new EventConsumerLoop(PlatformTestInfra.kafka().bootstrapServers(), "svc.poison",
                List.of(topic), processor);
        Thread thread = new Thread(loop);
        thread.start();
        try {
            List<ConsumerRecord<String, byte[]>> dead = PlatformTestInfra.read(PlatformTestInfra.kafka().bootstrapServers(),
                    topic + ".dlq", 2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            ConsumerRecord<String, byte[]> first = dead.get(0);
            assertThat(CloudEventCodec.get(first.headers(), CloudEventCodec.ID)).isEqualTo(poison.id().toString());
            assertThat(CloudEventCodec.get(first.headers(), IdempotentEventProcessor.DLQ_ERROR_CLASS))
                    .isEqualTo(IllegalArgumentException.class.getName());
            assertThat(CloudEventCodec.get(first.headers(), IdempotentEventProcessor.DLQ_ERROR_MESSAGE))
                    .contains("cannot apply");
            assertThat(CloudEventCodec.get(first.headers(), IdempotentEventProcessor.DLQ_ATTEMPTS)).isEqualTo("3");
            assertThat(CloudEventCodec.get(first.headers(), IdempotentEventProcessor.DLQ_ORIGINAL_TOPIC)).isEqualTo(topic);
            assertThat(CloudEventCodec.get(dead.get(1).headers(), IdempotentEventProcessor.DLQ_ERROR_CLASS))
                    .isEqualTo(MalformedEventException.class.getName());
            assertThat(CloudEventCodec.get(dead.get(1).headers(), IdempotentEventProcessor.DLQ_ATTEMPTS)).isEqualTo("1");

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (effects(good.id()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(effects(good.id())).as("the event after the poison is still applied").isEqualTo(1);
            assertThat(effects(poison.id())).isZero();
        } finally {
            loop.close();
            thread.join(10_000);
        }
    }

    @Test
    void outboxToConsumerEndToEndDeliversEachEventOnceEvenWhenRepublished() throws Exception {
        String topic = PlatformTestInfra.uniqueTopic("pipeline");
        OutboxStore store = new OutboxStore();
        EventEnvelope event = OutboxRelayTest.event("user-4", "user.deactivated");
        tx.inNewTransaction(() -> tx.withConnection(c -> {
            store.append(c, topic, event);
            return null;
        }));
        try (OutboxRelay relay = new OutboxRelay(tx, PlatformTestInfra.kafka().bootstrapServers(), "pipeline", 10)) {
            relay.drain();
            // A relay that crashed before marking would publish the row again: force that.
            tx.withConnection(c -> c.createStatement().executeUpdate("update outbox_event set published_at = null"));
            relay.drain();
        }
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.pipeline", handler(this::insertEffect), tx,
                producer, 3, Duration.ofMillis(10));
        EventConsumerLoop loop = new EventConsumerLoop(PlatformTestInfra.kafka().bootstrapServers(), "svc.pipeline",
                List.of(topic), processor);
        Thread thread = new Thread(loop);
        thread.start();
        try {
            assertThat(PlatformTestInfra.read(PlatformTestInfra.kafka().bootstrapServers(), topic, 2,
                    Duration.ofSeconds(10))).hasSize(2);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (processedCount() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertThat(effects(event.id())).isEqualTo(1);
        } finally {
            loop.close();
            thread.join(10_000);
        }
    }

    @Test
    void aRecordWaitingForTheDatabaseIsAppliedLaterNeverSkippedAndHoldsUpOnlyItsOwnPartition() throws Exception {
        String topic = PlatformTestInfra.uniqueTopic("outage");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                "bootstrap.servers", PlatformTestInfra.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 2, (short) 1))).all().get();
        }
        EventEnvelope blocked = OutboxRelayTest.event("user-a", "user.created");
        EventEnvelope sameKeyAfter = OutboxRelayTest.event("user-a", "user.updated");
        EventEnvelope otherPartition = OutboxRelayTest.event("user-b", "user.created");
        // The database is "unavailable" twice while the first record is applied.
        AtomicInteger outages = new AtomicInteger(2);
        EventHandler flaky = handler(e -> {
            if (e.id().equals(blocked.id()) && outages.getAndDecrement() > 0) {
                throw new IllegalStateException("no connection", new java.sql.SQLException("Connection refused", "08001"));
            }
            insertEffect(e);
        });
        IdempotentEventProcessor processor = new IdempotentEventProcessor("svc.outage", flaky, tx, producer, 3,
                Duration.ofMillis(10));
        for (var sent : List.of(new Object[]{0, blocked}, new Object[]{0, sameKeyAfter}, new Object[]{1, otherPartition})) {
            ProducerRecord<String, byte[]> r = CloudEventCodec.toRecord(topic, (EventEnvelope) sent[1]);
            producer.send(new ProducerRecord<>(topic, (Integer) sent[0], r.key(), r.value(), r.headers())).get();
        }

        EventConsumerLoop loop = new EventConsumerLoop(PlatformTestInfra.kafka().bootstrapServers(), "svc.outage",
                List.of(topic), processor);
        Thread thread = new Thread(loop);
        thread.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (effects(sameKeyAfter.id()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (EventEnvelope e : List.of(blocked, sameKeyAfter, otherPartition)) {
                assertThat(effects(e.id())).as(e.type() + " of " + e.subject() + " applied exactly once").isEqualTo(1);
            }
            List<String> order = tx.withConnection(c -> {
                List<String> types = new java.util.ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select event_id from effect where subject = 'user-a' order by applied_at")) {
                    while (rs.next()) {
                        types.add(rs.getString(1));
                    }
                }
                return types;
            });
            assertThat(order).as("one key's events in order").containsExactly(blocked.id().toString(), sameKeyAfter.id().toString());
            assertThat(PlatformTestInfra.read(PlatformTestInfra.kafka().bootstrapServers(), topic + ".dlq", 1,
                    Duration.ofSeconds(2))).as("an outage dead-letters nothing").isEmpty();
        } finally {
            loop.close();
            thread.join(10_000);
        }
    }

    private EventHandler handler(java.util.function.Consumer<EventEnvelope> effect) {
        return new EventHandler() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Set<String> topics() {
                return Set.of();
            }

            @Override
            public void handle(EventEnvelope event) {
                effect.accept(event);
            }
        };
    }

    private void insertEffect(EventEnvelope e) {
        tx.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into effect (event_id, subject) values (?, ?)")) {
                ps.setObject(1, e.id());
                ps.setString(2, e.subject());
                return ps.executeUpdate();
            }
        });
    }

    private int effects(UUID eventId) {
        return tx.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from effect where event_id = ?")) {
                ps.setObject(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private int processedCount() {
        return tx.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from processed_event")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, EventEnvelope e) {
        ProducerRecord<String, byte[]> p = CloudEventCodec.toRecord(topic, e);
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(topic, partition, offset, p.key(), p.value());
        p.headers().forEach(h -> r.headers().add(h));
        return r;
    }
}
