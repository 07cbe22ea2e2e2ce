package io.switchboard.seat.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "switchboard.seat")
public interface SeatConfig {

    /** Services whose teardown report completes a deactivated user's teardown. */
    List<String> teardownServices();

    Jobs jobs();

    interface Jobs {

        /** The most users one setup or edit job may name (the seeds' 20 is the old product's limit, not ours). */
        @WithDefault("1000")
        int maxUsers();

        /** Users per command sent to number- or routing-service: replies for the first ones arrive while the rest run. */
        @WithDefault("50")
        int commandBatch();

        /** A step with no reply after this long fails (the admin can retry it), so no job waits forever. */
        @WithDefault("5m")
        Duration stepTimeout();

        /** How often running jobs are looked at: steps left by a restart are sent, timed-out steps failed. */
        @WithDefault("2s")
        Duration sweepInterval();
    }
}
