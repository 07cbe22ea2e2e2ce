package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.RoleChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.seat.service.UserFactsService;
import jakarta.inject.Singleton;

/** Queue memberships, role definitions, recording settings and ServiceTitan links: the alerts' and the detail's inputs. */
@Singleton
public class UserFactsEventsHandler extends EventRouter {

    public UserFactsEventsHandler(UserFactsService facts) {
        super("user-facts", Topics.ROUTING_QUEUES, Topics.ROUTING_RECORDING, Topics.SYNC_LINKS, Topics.DIRECTORY_ROLES);
        on(QueueMemberChanged.ADDED, QueueMemberChanged.class, e -> facts.queueMember(e, true));
        on(QueueMemberChanged.REMOVED, QueueMemberChanged.class, e -> facts.queueMember(e, false));
        on(RecordingChanged.TYPE, RecordingChanged.class, facts::recording);
        on(SyncLinkChanged.LINKED, SyncLinkChanged.class, facts::link);
        on(SyncLinkChanged.NOT_FOUND, SyncLinkChanged.class, facts::link);
        on(SyncLinkChanged.AMBIGUOUS, SyncLinkChanged.class, facts::link);
        on(OfficePhoneWritten.TYPE, OfficePhoneWritten.class, facts::officePhone);
        on(RoleChanged.CREATED, RoleChanged.class, facts::role);
        on(RoleChanged.UPDATED, RoleChanged.class, facts::role);
        on(RoleChanged.DELETED, RoleChanged.class, facts::role);
    }
}
