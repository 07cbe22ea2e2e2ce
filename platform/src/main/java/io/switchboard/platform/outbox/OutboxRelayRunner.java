package io.switchboard.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.platform.config.SwitchboardConfig;
import io.switchboard.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link OutboxRelay} on its own thread: woken at once by every commit that wrote an event, and otherwise
 * every poll interval (which also picks up rows left by a crash before the relay ran). Exposes
 * {@code switchboard.outbox.pending} and {@code switchboard.outbox.lag.seconds}.
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    private final SwitchboardConfig config;
    private final Transactions transactions;
    private final MeterRegistry registry;
    private final Semaphore wakeUps = new Semaphore(0);
    private final OutboxStore store = new OutboxStore();
    private volatile boolean running;
    private volatile Instant lastSuccess = Instant.now();
    private Thread thread;
    private OutboxRelay relay;

    public OutboxRelayRunner(SwitchboardConfig config, Transactions transactions, MeterRegistry registry) {
        this.config = config;
        this.transactions = transactions;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("switchboard.outbox.pending", this, r -> r.measure(true))
                .description("Events written to the outbox and not yet published").register(registry);
        Gauge.builder("switchboard.outbox.lag.seconds", this, r -> r.measure(false))
                .description("Age of the oldest unpublished outbox event").register(registry);
        if (!config.outbox().relayEnabled()) {
            LOG.warn("outbox relay disabled by configuration: events stay in the outbox");
            return;
        }
        relay = new OutboxRelay(transactions, config.kafkaBootstrapServers(), config.serviceName(),
                config.outbox().batchSize());
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            wakeUps.release();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            relay.close();
        }
    }

    /** Asks the relay to look at the outbox now (called after a commit that wrote events). */
    public void wake() {
        wakeUps.release();
    }

    public boolean isHealthy() {
        return !config.outbox().relayEnabled() || (running && thread != null && thread.isAlive());
    }

    private void loop() {
        try {
            relay.warmUp();
        } catch (RuntimeException e) {
            LOG.warnf("outbox producer not created yet (%s); the first publish will try again", e.toString());
        }
        Instant nextPurge = Instant.now();
        while (running) {
            try {
                relay.drain();
                lastSuccess = Instant.now();
                if (Instant.now().isAfter(nextPurge)) {
                    transactions.inNewTransaction(() -> transactions.withConnection(
                            c -> store.purgePublished(c, config.outbox().retention())));
                    nextPurge = Instant.now().plusSeconds(600);
                }
                wakeUps.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish (will retry; last success %s): %s", lastSuccess, e.toString());
                sleep(config.outbox().retryBackoff().toMillis());
            }
        }
    }

    private double measure(boolean count) {
        try {
            return transactions.withConnection(c -> count ? store.pendingCount(c) : store.lag(c).toMillis() / 1000.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
