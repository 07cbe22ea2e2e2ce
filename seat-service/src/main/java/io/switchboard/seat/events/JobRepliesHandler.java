package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.RoutingStepsDone;
import io.switchboard.platform.contract.Topics;
import io.switchboard.seat.service.JobEngine;
import jakarta.inject.Singleton;

/** Replies to the commands jobs send: each finishes its steps and advances their users in the same transaction. */
@Singleton
public class JobRepliesHandler extends EventRouter {

    public JobRepliesHandler(JobEngine engine) {
        super("job-replies", Topics.NUMBER_LINES, Topics.ROUTING_ASSIGNMENTS);
        // Replies are keyed by request id, so spread over the partitions; replies about different users apply side by
        // side (JobEngine locks the steps of each reply's users).
        concurrency(3);
        on(RandomDirectLinesAssigned.TYPE, RandomDirectLinesAssigned.class, engine::onLines);
        on(RoutingStepsDone.TYPE, RoutingStepsDone.class, engine::onRouting);
    }
}
