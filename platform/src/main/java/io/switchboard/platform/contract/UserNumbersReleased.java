package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code user.numbers.released} on {@value Topics#NUMBER_LINES}, key = user id: number-service has released every
 * number the user held (direct line and secondary numbers), each now on the reserve list. An empty list means the
 * user held none; the event is still published so that teardown can be seen to complete.
 * {@code deactivationVersion} is the version of the {@code user.deactivated} event this teardown answers (null from
 * producers older than the field), so a report of an earlier deactivation never completes a later one.
 */
public record UserNumbersReleased(
        UUID userId,
        UUID networkId,
        List<String> releasedNumbers,
        String reason,
        Instant occurredAt,
        Long deactivationVersion) {

    public static final String TYPE = "user.numbers.released";
}
