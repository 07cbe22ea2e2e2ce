package io.switchboard.number.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.number.domain.PhoneNumber;

import java.time.Instant;
import java.util.UUID;

// "isLead" is the seed's field name; without this Jackson would also show it as "lead" (an is-getter).
@JsonIgnoreProperties({"lead"})
public record NumberRepresentation(
        String number,
        String usage,
        String status,
        UUID userId,
        String lineRole,
        String areaCode,
        boolean tollFree,
        boolean assignable,
        Forwarding forwarding,
        boolean smsAllowed,
        boolean isLead,
        String campaign,
        UUID releasedFromUser,
        Instant purchasedAt,
        Instant assignedAt,
        Instant reservedAt,
        long version) {

    /** {@code useDefault}: forward to the network's default (Call Continuity) number; else to {@code number}. */
    public record Forwarding(boolean useDefault, String number) {
    }

    static NumberRepresentation of(PhoneNumber n) {
        return new NumberRepresentation(n.number, n.usage.name().toLowerCase().replace('_', '-'), n.status.name().toLowerCase(),
                n.userId, n.lineRole == null ? null : n.lineRole.name().toLowerCase(), n.areaCode, n.tollFree, n.assignable(),
                new Forwarding(n.useDefaultForwarding, n.forwardingNumber), n.smsAllowed, n.isLead, n.campaign,
                n.releasedFromUser, n.purchasedAt, n.assignedAt, n.reservedAt, n.version);
    }
}
