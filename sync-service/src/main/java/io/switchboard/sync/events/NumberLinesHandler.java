package io.switchboard.sync.events;

import io.switchboard.platform.consumer.EventRouter;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.sync.service.SyncService;
import jakarta.inject.Singleton;

/** Direct-line changes from number-service become the Office Phone wanted in every linked tenant. */
@Singleton
public class NumberLinesHandler extends EventRouter {

    public NumberLinesHandler(SyncService sync) {
        super("number-lines", Topics.NUMBER_LINES);
        on(DirectLineChanged.ASSIGNED, DirectLineChanged.class, sync::apply);
        on(DirectLineChanged.PRIMARY_CHANGED, DirectLineChanged.class, sync::apply);
        on(DirectLineChanged.RELEASED, DirectLineChanged.class, sync::apply);
    }
}
