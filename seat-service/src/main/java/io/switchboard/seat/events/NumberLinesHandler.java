package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.seat.service.UserProjectionService;
import jakarta.inject.Singleton;

/** The direct line (shown in User Management, required for a first seat) and the secondary numbers (user detail). */
@Singleton
public class NumberLinesHandler extends EventRouter {

    public NumberLinesHandler(UserProjectionService projection) {
        super("number-lines", Topics.NUMBER_LINES);
        on(DirectLineChanged.ASSIGNED, DirectLineChanged.class, projection::apply);
        on(DirectLineChanged.PRIMARY_CHANGED, DirectLineChanged.class, projection::apply);
        on(DirectLineChanged.NUMBERS_CHANGED, DirectLineChanged.class, projection::apply);
        on(DirectLineChanged.RELEASED, DirectLineChanged.class, projection::apply);
    }
}
