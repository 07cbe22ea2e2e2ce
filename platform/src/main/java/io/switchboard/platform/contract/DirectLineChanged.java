package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's numbers after a change, on {@value Topics#NUMBER_LINES}, key = user id:
 * {@value #ASSIGNED} (a direct line given or replaced; {@code previousNumber} is the one replaced, now on the reserve
 * list, or null) and {@value #PRIMARY_CHANGED} (a secondary number swapped in as the primary; the previous primary stays
 * the user's as a secondary), {@value #NUMBERS_CHANGED} (a secondary number added or removed; the direct line is
 * unchanged) and {@value #RELEASED} (deactivation: every number went to the reserve list; {@code number} is null and
 * {@code previousNumber} the line the user had). {@code number} is the direct line (primary) after the change. {@code lineVersion} counts
 * the user's line changes: apply an event only if it is newer than the last one applied, so late or repeated events
 * never bring back an older line.
 */
public record DirectLineChanged(
        UUID userId,
        UUID networkId,
        String number,
        String previousNumber,
        List<String> secondaryNumbers,
        long lineVersion,
        Instant occurredAt) {

    public static final String ASSIGNED = "directline.assigned";
    public static final String PRIMARY_CHANGED = "primary.changed";
    public static final String NUMBERS_CHANGED = "numbers.changed";
    public static final String RELEASED = "directline.released";
}
