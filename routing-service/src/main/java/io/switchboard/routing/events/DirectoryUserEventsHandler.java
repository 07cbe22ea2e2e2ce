package io.switchboard.routing.events;

import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.routing.service.RoutingTeardownService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Directory user events: a deactivated user leaves every queue and loses their voicemail box. */
@ApplicationScoped
public class DirectoryUserEventsHandler implements EventHandler {

    private final RoutingTeardownService teardown;

    public DirectoryUserEventsHandler(RoutingTeardownService teardown) {
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
