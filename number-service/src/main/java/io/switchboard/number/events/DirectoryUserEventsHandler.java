package io.switchboard.number.events;

import io.switchboard.number.service.KnownUserService;
import io.switchboard.number.service.LineService;
import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import jakarta.inject.Singleton;

/** Directory user events: who may hold numbers, and a deactivated user's numbers go back to the reserve list. */
@Singleton
public class DirectoryUserEventsHandler extends EventRouter {

    public DirectoryUserEventsHandler(KnownUserService users, LineService lines) {
        super("directory-users", Topics.DIRECTORY_USERS);
        on(UserCreated.TYPE, UserCreated.class, e -> users.apply(e.userId(), e.networkId(), e.status(), e.version()));
        UserChanged.TYPES.forEach(type -> on(type, UserChanged.class,
                e -> users.apply(e.userId(), e.networkId(), e.status(), e.version())));
        on(UserDeactivated.TYPE, UserDeactivated.class, lines::releaseAll);
    }
}
