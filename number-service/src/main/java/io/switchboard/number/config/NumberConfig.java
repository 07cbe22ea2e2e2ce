package io.switchboard.number.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.number")
public interface NumberConfig {

    /** Which carrier adapter buys numbers: {@code sandbox} (deterministic US inventory, no outside calls). */
    @WithDefault("sandbox")
    String carrier();

    /** Most numbers one random-assignment command may ask for. */
    @WithDefault("1000")
    int maxRandomAssignments();

    /** How long a job's command waits for users this service has not yet heard of (see LineService#assignRandom). */
    @WithDefault("10s")
    java.time.Duration userWait();
}
