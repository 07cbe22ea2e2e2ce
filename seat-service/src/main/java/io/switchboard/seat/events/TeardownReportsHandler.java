package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.seat.service.UserProjectionService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Teardown reports from number-service and routing-service. */
@ApplicationScoped
public class TeardownReportsHandler implements EventHandler {

    private final UserProjectionService projection;

    public TeardownReportsHandler(UserProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public String name() {
        return "teardown-reports";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.NUMBER_LINES, Topics.ROUTING_ASSIGNMENTS);
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case UserNumbersReleased.TYPE -> {
                UserNumbersReleased e = event.dataAs(UserNumbersReleased.class);
                projection.recordTeardown(e.userId(), e.networkId(), "number-service",
                        "released numbers " + e.releasedNumbers(), e.occurredAt());
            }
            case UserRoutingReleased.TYPE -> {
                UserRoutingReleased e = event.dataAs(UserRoutingReleased.class);
                projection.recordTeardown(e.userId(), e.networkId(), "routing-service",
                        "left " + e.queuesLeft().size() + " queue(s); voicemail " + (e.voicemailDeleted() ? "deleted" : "none"),
                        e.occurredAt());
            }
            default -> {
            }
        }
    }
}
