package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code user.routing.released} on {@value Topics#ROUTING_ASSIGNMENTS}, key = user id: routing-service has removed the
 * user from every queue and deleted their personal voicemail box.
 * {@code deactivationVersion} is the version of the {@code user.deactivated} event this teardown answers (null from
 * producers older than the field), so a report of an earlier deactivation never completes a later one.
 */
public record UserRoutingReleased(
        UUID userId,
        UUID networkId,
        List<UUID> queuesLeft,
        boolean voicemailDeleted,
        String reason,
        Instant occurredAt,
        Long deactivationVersion) {

    public static final String TYPE = "user.routing.released";
}
