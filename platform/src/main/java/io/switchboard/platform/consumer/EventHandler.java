package io.switchboard.platform.consumer;

import io.switchboard.platform.events.EventEnvelope;

import java.util.Set;

/**
 * A service's reaction to events. Each handler bean gets its own consumer group ({@code <service>.<name>}) and is
 * called inside a transaction that also records the event as processed, so a redelivered event is skipped and a
 * failure rolls back both. Throw {@link io.switchboard.platform.events.MalformedEventException} for an event that can
 * never succeed; any other exception is retried, then dead-lettered.
 */
public interface EventHandler {

    String name();

    Set<String> topics();

    void handle(EventEnvelope event);

    /**
     * Whether the handler acts on events of this type at all. Events it ignores are passed over without a transaction or
     * a processed-event row (a topic carries many types; most consumers want a few).
     */
    default boolean accepts(String type) {
        return true;
    }

    /**
     * Consumer threads in the handler's group; the topics' partitions are shared among them. More than one only for
     * commands whose order matters within a key (one partition) but not across keys.
     */
    default int concurrency() {
        return 1;
    }
}
