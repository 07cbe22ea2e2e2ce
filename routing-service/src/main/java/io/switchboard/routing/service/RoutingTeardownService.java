package io.switchboard.routing.service;

import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.RoutingUser;
import io.switchboard.routing.domain.VoicemailMessage;
import jakarta.persistence.EntityManager;
import io.switchboard.routing.domain.QueueMember;
import io.switchboard.routing.domain.VoicemailBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Takes a deactivated user out of every queue, deletes their voicemail box and messages and their place on other boxes'
 * CC lists, and says so; a redelivered deactivation finds nothing left and changes nothing.
 */
@ApplicationScoped
public class RoutingTeardownService {

    private static final String ACTOR = "service:routing-service";

    private final Outbox outbox;
    private final RoutingEvents events;
    private final EntityManager em;

    public RoutingTeardownService(Outbox outbox, RoutingEvents events, EntityManager em) {
        this.outbox = outbox;
        this.events = events;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UserRoutingReleased releaseAll(UserDeactivated deactivated) {
        UUID userId = deactivated.userId();
        List<QueueMember> memberships = QueueMember.<QueueMember>list("userId = ?1 order by queueId", userId);
        List<UUID> queues = memberships.stream().map(m -> m.queueId).toList();
        for (QueueMember m : memberships) {
            Queue queue = Queue.findById(m.queueId);
            m.delete();
            if (queue != null) {
                events.member(QueueMemberChanged.REMOVED, userId, queue, UserDeactivated.TYPE, ACTOR);
            }
        }
        // The user's own box and messages, and their place on other people's CC lists.
        long messages = VoicemailMessage.delete("boxUserId", userId);
        boolean voicemailDeleted = VoicemailBox.deleteById(userId);
        if (voicemailDeleted) {
            events.voicemail(VoicemailChanged.DELETED, userId, deactivated.networkId(), null, (int) messages, ACTOR);
        }
        em.createNativeQuery("delete from voicemail_cc where cc_user_id = ?1").setParameter(1, userId).executeUpdate();
        RoutingUser user = RoutingUser.findOrNew(userId, deactivated.networkId());
        if (user.directoryVersion < deactivated.version()) {
            user.status = "DEACTIVATED";
            user.directoryVersion = deactivated.version();
            user.updatedAt = Instant.now();
            user.persist();
        }
        UserRoutingReleased released = new UserRoutingReleased(userId, deactivated.networkId(), queues, voicemailDeleted,
                UserDeactivated.TYPE, Instant.now(), deactivated.version());
        outbox.publish(Topics.ROUTING_ASSIGNMENTS, userId.toString(), UserRoutingReleased.TYPE, deactivated.networkId(),
                ACTOR, released);
        return released;
    }
}
