package io.switchboard.platform.contract;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Command {@value #TYPE} on {@value Topics#NUMBER_COMMANDS}, key = request id (a job step sends it): give each user a
 * direct line. Which number: {@code chosenNumbers} names one for a user; otherwise one at random from {@code fromNumbers}
 * when given (the numbers the admin selected, seed 003), else from the network's available direct-line numbers,
 * preferring {@code preferredAreaCode}. A user named in {@code replacing} has their current line (the value) replaced
 * and it goes to the reserve list (seed 003's Edit Direct Line: replaced, never removed); anyone else who already has a
 * line keeps it. Answered by {@link RandomDirectLinesAssigned} with the same request id.
 *
 * <p>Sending it again is harmless: a user who has a line and is not being replaced is reported with it, and a user whose
 * line is no longer the one {@code replacing} names has already been served and is reported with their current line.
 */
public record AssignRandomDirectLines(UUID requestId, UUID networkId, List<UUID> userIds, String preferredAreaCode,
                                      List<String> fromNumbers, Map<UUID, String> chosenNumbers,
                                      Map<UUID, String> replacing) {

    public static final String TYPE = "directlines.assign-random";

    /** Random numbers from the inventory for users who have no line yet. */
    public AssignRandomDirectLines(UUID requestId, UUID networkId, List<UUID> userIds, String preferredAreaCode) {
        this(requestId, networkId, userIds, preferredAreaCode, null, null, null);
    }

    public Map<UUID, String> chosenNumbers() {
        return chosenNumbers == null ? Map.of() : chosenNumbers;
    }

    public Map<UUID, String> replacing() {
        return replacing == null ? Map.of() : replacing;
    }
}
