package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reply {@value #TYPE} on {@value Topics#NUMBER_LINES}, key = request id: which user got which number, and for whom
 * there was none (with the reason). Each assignment is also published as its own {@code directline.assigned}.
 */
public record RandomDirectLinesAssigned(UUID requestId, UUID networkId, List<Assignment> assignments,
                                        List<Unassigned> unassigned, Instant occurredAt) {

    public static final String TYPE = "directlines.random-assigned";

    /** {@code alreadyHeld}: the user had a direct line before this request (a repeated command). */
    public record Assignment(UUID userId, String number, boolean alreadyHeld) {
    }

    public record Unassigned(UUID userId, String reason) {
    }
}
