package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's seat and E911 state on {@value Topics#SEAT_SEATS}, key = user id: {@value #ASSIGNED} (a first seat),
 * {@value #CHANGED} (level or bill-to tenant), {@value #RELEASED} (back to none), {@value #E911_UPDATED} (the E911
 * address of the user's line set or removed). Every type carries the whole state; {@code version} grows with every
 * change, so consumers apply only newer ones. Published by seat-service (the Seat issue); routing-service consumes it.
 */
public record SeatChanged(UUID userId, UUID networkId, String level, UUID billToTenantId, boolean e911Present,
                          long version, Instant occurredAt) {

    public static final String ASSIGNED = "seat.assigned";
    public static final String CHANGED = "seat.changed";
    public static final String RELEASED = "seat.released";
    public static final String E911_UPDATED = "e911.updated";

    public static final java.util.List<String> TYPES = java.util.List.of(ASSIGNED, CHANGED, RELEASED, E911_UPDATED);
}
