package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value #ADDED} / {@value #REMOVED} on {@value Topics#ROUTING_QUEUES}, key = user id: a user joined or left a queue.
 * {@code reason} says why a removal happened when it was not an admin's request ({@code seat.lowered},
 * {@code seat.released}, {@code user.deactivated}).
 */
public record QueueMemberChanged(UUID userId, UUID networkId, UUID queueId, String queueName, String queueKind,
                                 String reason, Instant occurredAt) {

    public static final String ADDED = "queue.member.added";
    public static final String REMOVED = "queue.member.removed";
}
