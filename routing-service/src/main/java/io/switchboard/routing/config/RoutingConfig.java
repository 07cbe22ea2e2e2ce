package io.switchboard.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "switchboard.routing")
public interface RoutingConfig {

    /**
     * How long a job's step waits for the facts it relies on — the user (from directory-service), and for queues their
     * seat and line (from seat- and number-service) — to reach this service before the step fails. The job sends a step
     * as soon as seat-service knows those facts; they travel here on other topics and may arrive a moment later.
     */
    @WithDefault("30s")
    Duration stepWait();
}
