package io.switchboard.routing.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.routing.service.RoutingTeardownService;
import jakarta.inject.Singleton;

/** Directory user events: a deactivated user leaves every queue and loses their voicemail box. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(RoutingTeardownService teardown) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserDeactivated.TYPE, UserDeactivated.class, teardown::releaseAll);
    }
}
