package io.switchboard.routing.service;

import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.QueueMember;
import io.switchboard.routing.domain.RoutingUser;
import io.switchboard.routing.domain.VoicemailBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps {@link RoutingUser} in step with directory, seat and number events — each part by its own version, so the
 * topics may deliver in any order — and applies what follows: a seat lowered to Basic leaves its call centers, a seat
 * released leaves every queue, and the voicemail's primary recipient follows the hub email.
 */
@ApplicationScoped
public class RoutingUserService {

    private static final String ACTOR = "service:routing-service";

    private final RoutingEvents events;

    public RoutingUserService(RoutingEvents events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserCreated e) {
        profile(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserChanged e) {
        profile(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SeatChanged e) {
        RoutingUser user = RoutingUser.findOrNew(e.userId(), e.networkId());
        if (user.seatVersion >= e.version()) {
            return;
        }
        user.seatLevel = e.level() == null ? "NONE" : e.level().toUpperCase();
        user.e911 = e.e911Present();
        user.seatVersion = e.version();
        user.updatedAt = Instant.now();
        user.persist();
        if ("NONE".equals(user.seatLevel)) {
            leave(user, false, "seat.released");
        } else if ("BASIC".equals(user.seatLevel)) {
            leave(user, true, "seat.lowered");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(DirectLineChanged e) {
        RoutingUser user = RoutingUser.findOrNew(e.userId(), e.networkId());
        if (user.lineVersion >= e.lineVersion()) {
            return;
        }
        user.directLine = e.number();
        user.lineVersion = e.lineVersion();
        user.updatedAt = Instant.now();
        user.persist();
    }

    private void profile(UUID userId, UUID networkId, String email, String first, String last, String status, long version) {
        RoutingUser user = RoutingUser.findOrNew(userId, networkId);
        if (user.directoryVersion >= version) {
            return;
        }
        boolean emailChanged = user.email != null && !user.email.equalsIgnoreCase(email);
        user.email = email;
        user.firstName = first;
        user.lastName = last;
        user.status = status;
        user.directoryVersion = version;
        user.updatedAt = Instant.now();
        user.persist();
        VoicemailBox box = VoicemailBox.findById(userId);
        if (emailChanged && box != null) {
            events.voicemail(VoicemailChanged.UPDATED, userId, networkId, box, 0, ACTOR);
        }
    }

    /** Takes the user out of call centers only, or out of every queue; says so for each. */
    private void leave(RoutingUser user, boolean callCentersOnly, String reason) {
        List<QueueMember> memberships = QueueMember.list("userId", user.userId);
        for (QueueMember m : memberships) {
            Queue queue = Queue.findById(m.queueId);
            if (queue == null || (callCentersOnly && !queue.callCenter())) {
                continue;
            }
            m.delete();
            events.member(QueueMemberChanged.REMOVED, user.userId, queue, reason, ACTOR);
        }
    }
}
