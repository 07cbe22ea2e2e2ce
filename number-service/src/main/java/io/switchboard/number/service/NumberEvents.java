package io.switchboard.number.service;

import io.switchboard.number.domain.KnownUser;
import io.switchboard.number.domain.PhoneNumber;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.NumberChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Publishes number events through the outbox in the caller's transaction, each with the whole state after the change. */
@ApplicationScoped
public class NumberEvents {

    private final Outbox outbox;

    public NumberEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call after flushing, so the version is the stored one; a deleted number carries its last state. */
    public void number(String type, PhoneNumber n, String actor) {
        outbox.publish(Topics.NUMBER_INVENTORY, n.number, type, n.networkId, actor,
                new NumberChanged(n.number, n.networkId, n.usage.name(), n.status.name(), n.userId,
                        n.lineRole == null ? null : n.lineRole.name(), n.areaCode, n.tollFree, n.useDefaultForwarding,
                        n.forwardingNumber, n.smsAllowed, n.isLead, n.campaign, n.releasedFromUser, n.version, Instant.now()));
    }

    /** The user's lines after a change; bumps the user's line version (the caller holds the user's row lock). */
    public DirectLineChanged lines(String type, KnownUser user, String previousNumber, String actor) {
        user.lineVersion++;
        user.updatedAt = Instant.now();
        DirectLineChanged lines = current(user, previousNumber);
        outbox.publish(Topics.NUMBER_LINES, user.userId.toString(), type, user.networkId, actor, lines);
        return lines;
    }

    /** The user's lines as they stand, at their current line version (nothing published). */
    public DirectLineChanged current(KnownUser user, String previousNumber) {
        var held = PhoneNumber.heldBy(user.userId);
        String primary = held.stream().filter(n -> n.lineRole == PhoneNumber.LineRole.PRIMARY).map(n -> n.number)
                .findFirst().orElse(null);
        var secondaries = held.stream().filter(n -> n.lineRole == PhoneNumber.LineRole.SECONDARY).map(n -> n.number).toList();
        return new DirectLineChanged(user.userId, user.networkId, primary, previousNumber, secondaries, user.lineVersion,
                user.updatedAt == null ? Instant.now() : user.updatedAt);
    }
}
