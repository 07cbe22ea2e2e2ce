package io.switchboard.number.events;

import io.switchboard.number.service.NumberTeardownService;
import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Directory user events: a deactivated user's numbers go back to the reserve list. */
@ApplicationScoped
public class DirectoryUserEventsHandler implements EventHandler {

    private final NumberTeardownService teardown;

    public DirectoryUserEventsHandler(NumberTeardownService teardown) {
        this.teardown = teardown;
    }

    @Override
    public String name() {
        return "directory-users";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DIRECTORY_USERS);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (UserDeactivated.TYPE.equals(event.type())) {
            teardown.releaseAll(event.dataAs(UserDeactivated.class));
        }
    }
}
