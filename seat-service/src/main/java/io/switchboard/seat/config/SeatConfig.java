package io.switchboard.seat.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;

@ConfigMapping(prefix = "switchboard.seat")
public interface SeatConfig {

    /** Services whose teardown report completes a deactivated user's teardown. */
    List<String> teardownServices();
}
