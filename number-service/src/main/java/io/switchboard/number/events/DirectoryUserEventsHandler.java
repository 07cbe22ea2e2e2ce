package io.switchboard.number.events;

import io.switchboard.number.service.NumberTeardownService;
import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import jakarta.inject.Singleton;

/** Directory user events: a deactivated user's numbers go back to the reserve list. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(NumberTeardownService teardown) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserDeactivated.TYPE, UserDeactivated.class, teardown::releaseAll);
    }
}
