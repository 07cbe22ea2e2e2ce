package io.switchboard.routing.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.routing.service.RoutingTeardownService;
import io.switchboard.routing.service.RoutingUserService;
import jakarta.inject.Singleton;

/** Directory user events: who the hub users are (CC recipients, the primary recipient's email), and teardown. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(RoutingUserService users, RoutingTeardownService teardown) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserCreated.TYPE, UserCreated.class, users::apply);
        UserChanged.TYPES.forEach(type -> on(type, UserChanged.class, users::apply));
        on(UserDeactivated.TYPE, UserDeactivated.class, teardown::releaseAll);
    }
}
