package io.switchboard.testing;

import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Reads and writes events on the shared test broker, the way another service would. */
public final class EventProbe {

    private EventProbe() {
    }

    /** Waits for the first event on {@code topic} that matches, reading from the start of the topic. */
    public static EventEnvelope await(String topic, Predicate<EventEnvelope> matching, Duration timeout) {
        List<EventEnvelope> found = collect(topic, matching, 1, timeout);
        if (found.isEmpty()) {
            throw new AssertionError("no matching event on " + topic + " within " + timeout);
        }
        return found.get(0);
    }

    /** Every matching event on {@code topic} seen within the time given (reads until the time is up). */
    public static List<EventEnvelope> all(String topic, Predicate<EventEnvelope> matching, Duration window) {
        return collect(topic, matching, Integer.MAX_VALUE, window);
    }

    /** The first record on {@code topic} whose event matches, with its headers. */
    public static ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<EventEnvelope> matching, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(CloudEventCodec.fromRecord(r))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    public static void send(String topic, EventEnvelope event) {
        send(topic, event, null);
    }

    public static void send(String topic, EventEnvelope event, String traceparent) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(CloudEventCodec.toRecord(topic, event, traceparent)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<EventEnvelope> collect(String topic, Predicate<EventEnvelope> matching, int max, Duration timeout) {
        List<EventEnvelope> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope e = CloudEventCodec.fromRecord(r);
                    if (matching.test(e) && out.size() < max) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }
}
