package io.switchboard.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes in {@code ce_*} headers, data as the value. */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attributes (lower-case alphanumerics, as the spec requires). */
    public static final String NETWORK_ID = "ce_networkid";
    public static final String ACTOR = "ce_actor";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C Trace Context, the header Kafka tracing instrumentations use. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventCodec() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope event) {
        return toRecord(topic, event, null);
    }

    /** With the W3C {@code traceparent} header of the work that produced the event, when there is one. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope event, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.subject(),
                event.data().getBytes(StandardCharsets.UTF_8));
        Headers h = record.headers();
        put(h, SPEC_VERSION, "1.0");
        put(h, ID, event.id().toString());
        put(h, TYPE, event.type());
        put(h, SOURCE, event.source());
        put(h, SUBJECT, event.subject());
        put(h, TIME, event.time().toString());
        put(h, CONTENT_TYPE, "application/json");
        if (event.networkId() != null) {
            put(h, NETWORK_ID, event.networkId().toString());
        }
        if (event.actor() != null) {
            put(h, ACTOR, event.actor());
        }
        if (traceparent != null) {
            put(h, TRACEPARENT, traceparent);
        }
        return record;
    }

    public static EventEnvelope fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers h = record.headers();
        String specVersion = get(h, SPEC_VERSION);
        if (!"1.0".equals(specVersion)) {
            throw new MalformedEventException("not a CloudEvents 1.0 binary-mode record (ce_specversion=" + specVersion + ")");
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + get(h, ID) + " has no body");
        }
        try {
            String networkId = get(h, NETWORK_ID);
            return new EventEnvelope(
                    UUID.fromString(required(h, ID)),
                    required(h, TYPE),
                    required(h, SOURCE),
                    subject(h, record),
                    Instant.parse(required(h, TIME)),
                    networkId == null ? null : UUID.fromString(networkId),
                    get(h, ACTOR),
                    new String(record.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("malformed CloudEvents attribute: " + e.getMessage(), e);
        }
    }

    private static String subject(Headers h, ConsumerRecord<String, byte[]> record) {
        String subject = get(h, SUBJECT);
        return subject != null ? subject : required(record.key(), "record key");
    }

    private static String required(Headers h, String name) {
        return required(get(h, name), name);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing " + name);
        }
        return value;
    }

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
