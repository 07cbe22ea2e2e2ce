package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.seat.service.UserProjectionService;
import jakarta.inject.Singleton;

/** Directory user events feed the User Management rows. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(UserProjectionService projection) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserCreated.TYPE, UserCreated.class, projection::apply);
        UserChanged.TYPES.forEach(type -> on(type, UserChanged.class, projection::apply));
        on(UserDeactivated.TYPE, UserDeactivated.class, projection::apply);
    }
}
