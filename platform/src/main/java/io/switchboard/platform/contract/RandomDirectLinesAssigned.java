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

    /**
     * {@code alreadyHeld}: the user had this line before this request (a repeated command). {@code line} is the user's
     * numbers after the request, as the {@code directline.assigned} event carries them (with its {@code lineVersion}), so
     * the requester can apply them without waiting for that event.
     */
    public record Assignment(UUID userId, String number, boolean alreadyHeld, DirectLineChanged line) {
    }

    public record Unassigned(UUID userId, String reason) {
    }
}
