package io.switchboard.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "switchboard.sync")
public interface SyncConfig {

    ServiceTitan servicetitan();

    Worker worker();

    /** How often every linked employee's Office Phone is compared with the expected line; 0 turns it off. */
    @WithDefault("PT1H")
    Duration reconcileInterval();

    interface ServiceTitan {
        /** OAuth2 token endpoint, e.g. https://auth.servicetitan.io/connect/token. */
        String authUrl();

        /** API base, e.g. https://api.servicetitan.io. */
        String apiUrl();

        /** The application key sent as ST-App-Key on every call. */
        String appKey();

        /** Client credentials used for tenants without their own. */
        Credentials defaults();

        /** Per ServiceTitan tenant id: its own client credentials. */
        Map<String, Credentials> tenants();

        /** Calls per second per tenant, never exceeded (ServiceTitan allows about 60). */
        @WithDefault("50")
        int rateLimit();

        @WithDefault("PT5S")
        Duration timeout();
    }

    interface Credentials {
        Optional<String> clientId();

        Optional<String> clientSecret();
    }

    interface Worker {
        /** Calls in flight at once across all tenants. */
        @WithDefault("16")
        int concurrency();

        /** How often the queues are checked when nothing wakes the worker. */
        @WithDefault("PT0.2S")
        Duration pollInterval();

        /** Attempts on 5xx / timeouts before a write is marked failed (reconciliation retries it later). */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration backoffBase();

        @WithDefault("PT30S")
        Duration backoffMax();

        /** How long a claimed item is someone's; a worker that dies leaves it to be taken again after this. */
        @WithDefault("PT30S")
        Duration claim();
    }

}
