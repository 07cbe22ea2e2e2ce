package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value #TYPE} on {@value Topics#ROUTING_RECORDING}: the network's defaults changed (key = network id, {@code userId}
 * null) or a user's effective settings changed (key = user id). Values: ALWAYS, AUTOMATICALLY, MANUALLY, NEVER;
 * announcement PROMPT or NEVER.
 */
public record RecordingChanged(UUID networkId, UUID userId, String inbound, String outbound, String announcement,
                               boolean customized, long version, Instant occurredAt) {

    public static final String TYPE = "recording.updated";
}
