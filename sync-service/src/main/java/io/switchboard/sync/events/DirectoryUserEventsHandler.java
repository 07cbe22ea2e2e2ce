package io.switchboard.sync.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.sync.service.DirectoryReplicaService;
import jakarta.inject.Singleton;

/** Directory user events keep the local replica of hub users. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(DirectoryReplicaService replica) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserCreated.TYPE, UserCreated.class, replica::apply);
        UserChanged.TYPES.forEach(type -> on(type, UserChanged.class, replica::apply));
        on(UserDeactivated.TYPE, UserDeactivated.class, replica::apply);
    }
}
