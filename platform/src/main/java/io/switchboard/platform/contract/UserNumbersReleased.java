package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code user.numbers.released} on {@value Topics#NUMBER_LINES}, key = user id: number-service has released every
 * number the user held (direct line and secondary numbers), each now on the reserve list. An empty list means the
 * user held none; the event is still published so that teardown can be seen to complete.
 */
public record UserNumbersReleased(
        UUID userId,
        UUID networkId,
        List<String> releasedNumbers,
        String reason,
        Instant occurredAt) {

    public static final String TYPE = "user.numbers.released";
}
