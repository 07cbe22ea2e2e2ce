package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value #TYPE} on {@value Topics#ROUTING_RECORDING}: the network's defaults changed (key = network id, {@code userId}
 * null) or a user's effective settings changed (key = user id). Values: {@link #MODES}; announcement
 * {@link #ANNOUNCEMENTS}.
 */
public record RecordingChanged(UUID networkId, UUID userId, String inbound, String outbound, String announcement,
                               boolean customized, long version, Instant occurredAt) {

    public static final String TYPE = "recording.updated";

    /** Inbound and outbound recording modes (seed 001): what routing-service stores and seat's jobs check at submission. */
    public static final List<String> MODES = List.of("ALWAYS", "AUTOMATICALLY", "MANUALLY", "NEVER");

    public static final List<String> ANNOUNCEMENTS = List.of("PROMPT", "NEVER");
}
