package io.switchboard.routing.service;

import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.RoutingUser;
import io.switchboard.routing.domain.VoicemailBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Routing events through the outbox, in the caller's transaction. */
@ApplicationScoped
public class RoutingEvents {

    private final Outbox outbox;
    private final EntityManager em;

    public RoutingEvents(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    public void member(String type, UUID userId, Queue queue, String reason, String actor) {
        outbox.publish(Topics.ROUTING_QUEUES, userId.toString(), type, queue.networkId, actor,
                new QueueMemberChanged(userId, queue.networkId, queue.id, queue.name, queue.kind, reason, Instant.now()));
    }

    public void voicemail(String type, UUID userId, UUID networkId, VoicemailBox box, int messagesDeleted, String actor) {
        RoutingUser user = RoutingUser.findById(userId);
        outbox.publish(Topics.ROUTING_VOICEMAIL, userId.toString(), type, networkId, actor,
                new VoicemailChanged(userId, networkId, box != null, box != null && box.emailNotifications,
                        user == null ? null : user.email, box == null ? List.of() : ccOf(userId), messagesDeleted, Instant.now()));
    }

    public void recording(UUID networkId, UUID userId, Recording settings, String actor) {
        outbox.publish(Topics.ROUTING_RECORDING, (userId == null ? networkId : userId).toString(), RecordingChanged.TYPE,
                networkId, actor, new RecordingChanged(networkId, userId, settings.inbound(), settings.outbound(),
                        settings.announcement(), settings.customized(), settings.version(), Instant.now()));
    }

    @SuppressWarnings("unchecked")
    public List<UUID> ccOf(UUID boxUserId) {
        return em.createNativeQuery("select cc_user_id from voicemail_cc where box_user_id = ?1 order by cc_user_id")
                .setParameter(1, boxUserId).getResultList();
    }

    /** Effective recording settings as events carry them. */
    public record Recording(String inbound, String outbound, String announcement, boolean customized, long version) {
    }
}
