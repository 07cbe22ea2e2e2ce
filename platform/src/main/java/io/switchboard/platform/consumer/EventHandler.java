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
}
