package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A number's whole state on {@value Topics#NUMBER_INVENTORY}, key = the number (E.164):
 * {@value #PURCHASED} (bought and assignable at once), {@value #ASSIGNED} (a person holds it now), {@value #RESERVED} (released from a person to the reserve list,
 * {@code releasedFromUser} says whom), {@value #RELEASED} (given back to the carrier; the network no longer has it).
 * {@code version} grows with every change of the number.
 */
public record NumberChanged(
        String number,
        UUID networkId,
        String usage,
        String status,
        UUID userId,
        String lineRole,
        String areaCode,
        boolean tollFree,
        boolean useDefaultForwarding,
        String forwardingNumber,
        boolean smsAllowed,
        boolean isLead,
        String campaign,
        UUID releasedFromUser,
        long version,
        Instant occurredAt) {

    public static final String PURCHASED = "number.purchased";
    public static final String ASSIGNED = "number.assigned";
    public static final String RESERVED = "number.reserved";
    public static final String RELEASED = "number.released";
}
