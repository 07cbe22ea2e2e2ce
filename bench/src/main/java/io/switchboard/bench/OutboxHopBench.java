package io.switchboard.bench;

import io.switchboard.infra.KafkaBroker;
import io.switchboard.infra.Ports;
import io.switchboard.infra.PostgresServer;
import io.switchboard.platform.consumer.EventConsumerLoop;
import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.consumer.IdempotentEventProcessor;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.outbox.OutboxRelay;
import io.switchboard.platform.outbox.OutboxStore;
import io.switchboard.platform.tx.JdbcTransactions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One event hop through the platform (commit with an outbox row → relay → Kafka transaction → idempotent consumer →
 * effect committed) against a bare produce → consume → INSERT, in one process on one broker and one database. This is
 * the cost the platform's guarantees add to every hop, without HTTP or a Quarkus application around it.
 */
public final class OutboxHopBench {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = Math.max(200, events / 5);
        Path work = Files.createTempDirectory("outbox-hop-bench");
        try (PostgresServer pg = PostgresServer.start(work.resolve("pg"), Ports.free());
             KafkaBroker kafka = new KafkaBroker(work.resolve("kafka"), Ports.free()).start(Duration.ofSeconds(90))) {
            PGSimpleDataSource ds = database(pg);
            Latencies bare = BareHop.measure(kafka.bootstrapServers(), ds, warmup, events);
            Latencies hop = platformHop(kafka, ds, warmup, events);
            System.out.println();
            System.out.printf(Locale.ROOT, "One event hop, %d events, sequential, ms%n", events);
            System.out.printf(Locale.ROOT, "%-48s %8s %8s %8s%n", "path", "p50", "p95", "p99");
            print("bare: produce -> consume -> INSERT", bare, null);
            print("platform: outbox commit -> relay -> idempotent consumer", hop, bare);
        }
    }

    private static Latencies platformHop(KafkaBroker kafka, PGSimpleDataSource ds, int warmup, int events) throws Exception {
        String topic = "hop." + UUID.randomUUID();
        JdbcTransactions tx = new JdbcTransactions(ds);
        OutboxStore store = new OutboxStore();
        EventHandler handler = new EventHandler() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public Set<String> topics() {
                return Set.of(topic);
            }

            @Override
            public void handle(EventEnvelope event) {
                tx.withConnection(c -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into effect (id) values (?)")) {
                        ps.setObject(1, UUID.fromString(event.subject()));
                        return ps.executeUpdate();
                    }
                });
            }
        };
        Latencies latencies = new Latencies(events);
        long commitNanos = 0, relayNanos = 0, consumeNanos = 0;
        try (KafkaProducer<String, byte[]> dlq = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
             OutboxRelay relay = new OutboxRelay(tx, kafka.bootstrapServers(), "bench", 500);
             Connection conn = ds.getConnection();
             PreparedStatement effect = conn.prepareStatement("select 1 from effect where id = ?")) {
            EventConsumerLoop loop = new EventConsumerLoop(kafka.bootstrapServers(), "bench.hop", List.of(topic),
                    new IdempotentEventProcessor("bench.hop", handler, tx, dlq, 3, Duration.ofMillis(10)));
            Thread consumer = new Thread(loop, "hop-consumer");
            consumer.setDaemon(true);
            consumer.start();
            for (int i = 0; i < warmup + events; i++) {
                UUID id = UUID.randomUUID();
                EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "bench.happened", "switchboard/bench",
                        id.toString(), Instant.now(), UUID.randomUUID(), "bench", "{}");
                long start = System.nanoTime();
                tx.inNewTransaction(() -> tx.withConnection(c -> {
                    store.append(c, topic, event);
                    return null;
                }));
                long committed = System.nanoTime();
                relay.drain();
                long relayed = System.nanoTime();
                BareHop.awaitRow(effect, id);
                if (i >= warmup) {
                    commitNanos += committed - start;
                    relayNanos += relayed - committed;
                    consumeNanos += System.nanoTime() - relayed;
                    latencies.add(System.nanoTime() - start);
                }
            }
            loop.close();
        }
        System.out.printf(Locale.ROOT, "platform hop, mean per event: commit with outbox row %.2f ms, relay until acknowledged %.2f ms, consumed and applied %.2f ms after that%n", commitNanos / 1e6 / events,
                relayNanos / 1e6 / events, consumeNanos / 1e6 / events);
        return latencies;
    }

    private static PGSimpleDataSource database(PostgresServer pg) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.createDatabase("hop_bench"));
        ds.setUser(PostgresServer.USER);
        ds.setPassword(PostgresServer.PASSWORD);
        String ddl = new String(OutboxHopBench.class.getResourceAsStream(
                "/db/platform/V0_1__outbox_and_processed_events.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl);
            s.execute("create table effect (id uuid primary key)");
        }
        return ds;
    }

    private static void print(String name, Latencies l, Latencies baseline) {
        System.out.printf(Locale.ROOT, "%-48s %8.2f %8.2f %8.2f%n", name, l.percentileMillis(50), l.percentileMillis(95),
                l.percentileMillis(99));
        if (baseline != null) {
            System.out.printf(Locale.ROOT, "%-48s %7.1fx %7.1fx %7.1fx%n", "  ratio",
                    l.percentileMillis(50) / baseline.percentileMillis(50),
                    l.percentileMillis(95) / baseline.percentileMillis(95),
                    l.percentileMillis(99) / baseline.percentileMillis(99));
        }
    }
}
