package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.seat.service.AlertService;
import jakarta.inject.Singleton;

/** Queue memberships and ServiceTitan link problems: what the alerts are computed from. */
@Singleton
public class RoutingAndSyncEventsHandler extends EventRouter {

    public RoutingAndSyncEventsHandler(AlertService alerts) {
        super("routing-and-sync", Topics.ROUTING_QUEUES, Topics.SYNC_LINKS);
        on(QueueMemberChanged.ADDED, QueueMemberChanged.class, e -> alerts.joined(e, true));
        on(QueueMemberChanged.REMOVED, QueueMemberChanged.class, e -> alerts.joined(e, false));
        on(SyncLinkChanged.LINKED, SyncLinkChanged.class, alerts::link);
        on(SyncLinkChanged.NOT_FOUND, SyncLinkChanged.class, alerts::link);
        on(SyncLinkChanged.AMBIGUOUS, SyncLinkChanged.class, alerts::link);
    }
}
