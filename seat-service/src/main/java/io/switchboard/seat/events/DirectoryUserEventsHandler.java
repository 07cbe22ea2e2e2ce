package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.seat.service.UserProjectionService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

@ApplicationScoped
public class DirectoryUserEventsHandler implements EventHandler {

    private final UserProjectionService projection;

    public DirectoryUserEventsHandler(UserProjectionService projection) {
        this.projection = projection;
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
        switch (event.type()) {
            case UserCreated.TYPE -> projection.apply(event.dataAs(UserCreated.class));
            case UserDeactivated.TYPE -> projection.apply(event.dataAs(UserDeactivated.class));
            default -> {
                // Types added later by directory-service are not ours to act on yet.
            }
        }
    }
}
