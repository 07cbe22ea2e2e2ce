package io.switchboard.number.events;

import io.switchboard.number.service.LineService;
import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.Topics;
import jakarta.inject.Singleton;

/** Commands from seat-service's setup jobs; each is answered on number.lines.v1. */
@Singleton
public class NumberCommandsHandler extends EventRouter {

    public NumberCommandsHandler(LineService lines) {
        super("number-commands", Topics.NUMBER_COMMANDS);
        // Commands are keyed by request id and independent: each locks its users and claims numbers with SKIP LOCKED.
        concurrency(3);
        on(AssignRandomDirectLines.TYPE, AssignRandomDirectLines.class, lines::assignRandom);
    }
}
