package io.switchboard.routing.service;

import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.domain.QueueMember;
import io.switchboard.routing.domain.VoicemailBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Takes a deactivated user out of every queue and deletes their voicemail box, and says so. */
@ApplicationScoped
public class RoutingTeardownService {

    private final Outbox outbox;

    public RoutingTeardownService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UserRoutingReleased releaseAll(UserDeactivated deactivated) {
        UUID userId = deactivated.userId();
        List<UUID> queues = QueueMember.<QueueMember>list("userId = ?1 order by queueId", userId).stream()
                .map(m -> m.queueId).toList();
        QueueMember.delete("userId", userId);
        boolean voicemailDeleted = VoicemailBox.deleteById(userId);
        UserRoutingReleased released = new UserRoutingReleased(userId, deactivated.networkId(), queues, voicemailDeleted,
                UserDeactivated.TYPE, Instant.now());
        outbox.publish(Topics.ROUTING_ASSIGNMENTS, userId.toString(), UserRoutingReleased.TYPE, deactivated.networkId(),
                "service:routing-service", released);
        return released;
    }
}
