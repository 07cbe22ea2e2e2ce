package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reply {@value #TYPE} on {@value Topics#ROUTING_ASSIGNMENTS}, key = request id: the outcome of each item of a
 * {@link RoutingSteps} command, in its order. {@code reason} says why a step failed, in words an admin can act on.
 */
public record RoutingStepsDone(UUID requestId, UUID jobId, UUID networkId, List<Result> results, Instant occurredAt) {

    public static final String TYPE = "routing.steps.done";

    public record Result(UUID userId, String stage, boolean succeeded, String reason, String detail) {
    }
}
