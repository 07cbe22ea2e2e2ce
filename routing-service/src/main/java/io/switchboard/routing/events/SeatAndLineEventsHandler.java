package io.switchboard.routing.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.routing.service.RoutingUserService;
import jakarta.inject.Singleton;

/** Seat, E911 and direct-line facts that decide who may join which queue. */
@Singleton
public class SeatAndLineEventsHandler extends EventRouter {

    public SeatAndLineEventsHandler(RoutingUserService users) {
        super("seats-and-lines", Topics.SEAT_SEATS, Topics.NUMBER_LINES);
        SeatChanged.TYPES.forEach(type -> on(type, SeatChanged.class, users::apply));
        on(DirectLineChanged.ASSIGNED, DirectLineChanged.class, users::apply);
        on(DirectLineChanged.PRIMARY_CHANGED, DirectLineChanged.class, users::apply);
        on(DirectLineChanged.RELEASED, DirectLineChanged.class, users::apply);
    }
}
