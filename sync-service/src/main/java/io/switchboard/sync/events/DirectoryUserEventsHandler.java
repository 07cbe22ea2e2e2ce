package io.switchboard.sync.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.sync.service.SyncService;
import jakarta.inject.Singleton;

/** Directory user events: the replica, the tenants to link in, and clearing the Office Phone on deactivation. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(SyncService sync) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserCreated.TYPE, UserCreated.class, sync::apply);
        UserChanged.TYPES.forEach(type -> on(type, UserChanged.class, sync::apply));
        on(UserDeactivated.TYPE, UserDeactivated.class, sync::apply);
    }
}
