package io.switchboard.routing.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.RoutingSteps;
import io.switchboard.platform.contract.Topics;
import io.switchboard.routing.service.RoutingStepService;
import jakarta.inject.Singleton;

/** Steps of seat-service's setup and bulk-edit jobs; each command is answered on routing.assignments.v1. */
@Singleton
public class RoutingCommandsHandler extends EventRouter {

    public RoutingCommandsHandler(RoutingStepService steps) {
        super("routing-commands", Topics.ROUTING_COMMANDS);
        // A job's commands are spread over the partitions (key = request id) and applied side by side: each item
        // locks its user's row, so one user's steps never interleave.
        concurrency(3);
        on(RoutingSteps.TYPE, RoutingSteps.class, steps::apply);
    }
}
