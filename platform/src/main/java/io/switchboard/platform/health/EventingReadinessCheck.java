package io.switchboard.platform.health;

import io.switchboard.platform.consumer.EventConsumers;
import io.switchboard.platform.outbox.OutboxRelayRunner;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the outbox relay runs and every event consumer has joined its group and holds partitions. */
@Readiness
@ApplicationScoped
public class EventingReadinessCheck implements HealthCheck {

    private final EventConsumers consumers;
    private final OutboxRelayRunner relay;

    public EventingReadinessCheck(EventConsumers consumers, OutboxRelayRunner relay) {
        this.consumers = consumers;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("eventing")
                .status(relay.isHealthy() && consumers.allAssigned())
                .withData("consumers", String.join(",", consumers.groups()))
                .build();
    }
}
