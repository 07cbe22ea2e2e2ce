package io.switchboard.platform;

import io.switchboard.infra.KafkaBroker;
import io.switchboard.infra.Ports;
import io.switchboard.infra.PostgresServer;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One PostgreSQL and one Kafka broker for all platform tests in this JVM. */
final class PlatformTestInfra {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private PlatformTestInfra() {
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(Path.of(System.getProperty("java.io.tmpdir"), "platform-pg"), Ports.free());
        }
        return postgres;
    }

    static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = new KafkaBroker(Path.of(System.getProperty("java.io.tmpdir"), "platform-kafka"), Ports.free())
                    .start(Duration.ofSeconds(90));
        }
        return kafka;
    }

    /** A fresh database with the platform's tables and a table for test effects. */
    static PGSimpleDataSource freshDatabase() throws Exception {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        postgres().createDatabase(name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres().jdbcUrl(name));
        ds.setUser(PostgresServer.USER);
        ds.setPassword(PostgresServer.PASSWORD);
        String ddl = new String(PlatformTestInfra.class.getResourceAsStream(
                "/db/platform/V0_1__outbox_and_processed_events.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl);
            s.execute("create table effect (event_id uuid not null, subject text not null, applied_at timestamptz default now())");
        }
        return ds;
    }

    static String uniqueTopic(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + ".v1";
    }

    /** Reads a topic from the start with read_committed until {@code count} records arrived or the timeout passed. */
    static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    static List<EventEnvelope> events(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(CloudEventCodec::fromRecord).toList();
    }
}
