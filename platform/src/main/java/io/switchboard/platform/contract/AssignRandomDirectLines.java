package io.switchboard.platform.contract;

import java.util.List;
import java.util.UUID;

/**
 * Command {@value #TYPE} on {@value Topics#NUMBER_COMMANDS}, key = request id (a job step sends it): give each user a
 * direct line at random from the network's available direct-line numbers, preferring {@code preferredAreaCode} when
 * set. Answered by {@link RandomDirectLinesAssigned} with the same request id. Sending it again is harmless: a user who
 * already has a direct line keeps it and is reported with it.
 */
public record AssignRandomDirectLines(UUID requestId, UUID networkId, List<UUID> userIds, String preferredAreaCode) {

    public static final String TYPE = "directlines.assign-random";
}
