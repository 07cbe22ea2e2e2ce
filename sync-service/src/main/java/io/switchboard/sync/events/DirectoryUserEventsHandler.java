package io.switchboard.sync.events;

import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.sync.service.DirectoryReplicaService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

@ApplicationScoped
public class DirectoryUserEventsHandler implements EventHandler {

    private final DirectoryReplicaService replica;

    public DirectoryUserEventsHandler(DirectoryReplicaService replica) {
        this.replica = replica;
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
            case UserCreated.TYPE -> replica.apply(event.dataAs(UserCreated.class));
            case UserDeactivated.TYPE -> replica.apply(event.dataAs(UserDeactivated.class));
            default -> {
            }
        }
    }
}
