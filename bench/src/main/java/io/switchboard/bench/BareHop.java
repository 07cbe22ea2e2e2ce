package io.switchboard.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline every benchmark here compares against: a bare {@code send(acks=all, linger 0)} → a plain consumer →
 * {@code INSERT}, on the broker and database given, observed by polling the table like the paths it is compared with.
 */
final class BareHop {

    static final long POLL_NANOS = 1_000_000;

    private BareHop() {
    }

    static Latencies measure(String bootstrapServers, DataSource database, int warmup, int count) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bare_hop_arrived (id uuid primary key)");
        }
        String topic = "bench.bare-hop." + UUID.randomUUID().toString().substring(0, 8);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        Thread inserter = new Thread(() -> consumeInto(consumer, topic, database), "bare-hop-consumer");
        inserter.setDaemon(true);
        inserter.start();
        Latencies latencies = new Latencies(count);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
             Connection c = database.getConnection();
             PreparedStatement seen = c.prepareStatement("select 1 from bare_hop_arrived where id = ?")) {
            for (int i = 0; i < warmup + count; i++) {
                UUID id = UUID.randomUUID();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, id.toString(), "{}")).get();
                awaitRow(seen, id);
                if (i >= warmup) {
                    latencies.add(System.nanoTime() - start);
                }
            }
        } finally {
            consumer.wakeup();
            inserter.join(5000);
        }
        return latencies;
    }

    /** Polls the query (one UUID parameter) until it returns a row. */
    static void awaitRow(PreparedStatement query, UUID id) throws Exception {
        query.setObject(1, id);
        while (true) {
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static void consumeInto(KafkaConsumer<String, String> consumer, String topic, DataSource database) {
        try (consumer;
             Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into bare_hop_arrived (id) values (?) on conflict do nothing")) {
            consumer.subscribe(List.of(topic));
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    insert.setObject(1, UUID.fromString(r.key()));
                    insert.executeUpdate();
                }
                consumer.commitSync();
            }
        } catch (WakeupException stopped) {
            // measurement over
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
