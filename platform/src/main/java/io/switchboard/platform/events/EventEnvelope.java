package io.switchboard.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: the CloudEvents 1.0 attributes (carried as Kafka headers in binary mode) plus the JSON
 * body. {@code subject} is the aggregate id and also the Kafka record key, so all events of one aggregate stay in
 * order within their topic.
 */
public record EventEnvelope(
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        UUID networkId,
        String actor,
        String data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public <T> T dataAs(Class<T> type) {
        return EventJson.read(data, type);
    }
}
