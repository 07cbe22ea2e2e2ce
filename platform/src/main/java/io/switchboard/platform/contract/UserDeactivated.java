package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code user.deactivated} on {@value Topics#DIRECTORY_USERS}, key = user id. Every service tears down what it holds for
 * the user and reports it with its own teardown event.
 */
public record UserDeactivated(
        UUID userId,
        UUID networkId,
        String email,
        long version,
        Instant occurredAt) {

    public static final String TYPE = "user.deactivated";
}
