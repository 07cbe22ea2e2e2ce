package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.seat.service.UserProjectionService;
import jakarta.inject.Singleton;

/** Teardown reports from number-service and routing-service. */
@Singleton
public class TeardownReportsHandler extends EventRouter {

    public TeardownReportsHandler(UserProjectionService projection) {
        super("teardown-reports", Topics.NUMBER_LINES, Topics.ROUTING_ASSIGNMENTS);
        on(UserNumbersReleased.TYPE, UserNumbersReleased.class, e -> projection.recordTeardown(e.userId(), e.networkId(),
                "number-service", "released numbers " + e.releasedNumbers(), e.occurredAt(), e.deactivationVersion()));
        on(UserRoutingReleased.TYPE, UserRoutingReleased.class, e -> projection.recordTeardown(e.userId(), e.networkId(),
                "routing-service", "left " + e.queuesLeft().size() + " queue(s); voicemail "
                        + (e.voicemailDeleted() ? "deleted" : "none"), e.occurredAt(), e.deactivationVersion()));
    }
}
