package io.switchboard.sync.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.sync.config.SyncConfig;
import io.switchboard.sync.servicetitan.ServiceTitanClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Works the two queues against ServiceTitan: resolves links by email and writes Office Phones. Calls run outside any
 * database transaction; each outcome is recorded in its own. Retries are a schedule kept in the queue rows, so they
 * survive restarts: 429 waits what Retry-After says, 5xx and timeouts back off exponentially with jitter up to a cap,
 * and a write past its attempts is marked FAILED (visible in the status; reconciliation tries it again).
 */
@ApplicationScoped
public class SyncWorker {

    private static final Logger LOG = Logger.getLogger(SyncWorker.class);

    private final SyncQueue queue;
    private final SyncService sync;
    private final ServiceTitanClient client;
    private final SyncSignal signal;
    private final SyncConfig.Worker config;
    private final Semaphore capacity;
    private ExecutorService calls;
    private Thread loop;
    private volatile boolean running;

    public SyncWorker(SyncQueue queue, SyncService sync, ServiceTitanClient client, SyncSignal signal, SyncConfig config) {
        this.queue = queue;
        this.sync = sync;
        this.client = client;
        this.signal = signal;
        this.config = config.worker();
        this.capacity = new Semaphore(this.config.concurrency());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        calls = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "servicetitan-call");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "sync-worker");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (calls != null) {
            calls.shutdownNow();
        }
    }

    private void run() {
        while (running) {
            try {
                int claimed = claimAndSubmit();
                if (claimed == 0) {
                    signal.await(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("sync worker: could not read its queues; trying again", e);
                sleep(1000);
            }
        }
    }

    private int claimAndSubmit() throws InterruptedException {
        int free = capacity.availablePermits();
        if (free == 0) {
            sleep(5);
            return 1;
        }
        List<SyncQueue.LinkItem> links = QuarkusTransaction.requiringNew().call(() -> queue.claimLinks(free, config.claim()));
        for (SyncQueue.LinkItem item : links) {
            capacity.acquire();
            calls.submit(() -> {
                try {
                    resolve(item);
                } finally {
                    capacity.release();
                }
            });
        }
        int left = capacity.availablePermits();
        List<SyncQueue.WriteItem> writes = left == 0 ? List.of()
                : QuarkusTransaction.requiringNew().call(() -> queue.claimWrites(left, config.claim()));
        for (SyncQueue.WriteItem item : writes) {
            capacity.acquire();
            calls.submit(() -> {
                try {
                    write(item);
                } finally {
                    capacity.release();
                }
            });
        }
        return links.size() + writes.size();
    }

    private void resolve(SyncQueue.LinkItem item) {
        try {
            List<ServiceTitanClient.Employee> found = client.findByEmail(item.serviceTitanTenantId(), item.email());
            String status = found.size() == 1 ? "LINKED" : found.isEmpty() ? "NOT_FOUND" : "AMBIGUOUS";
            Long employeeId = found.size() == 1 ? found.get(0).id() : null;
            QuarkusTransaction.requiringNew().run(() -> sync.linkResolved(item, status, employeeId, found.size()));
        } catch (ServiceTitanClient.CallFailed e) {
            Duration delay = e.retryAfter != null ? e.retryAfter : backoff(item.attempts());
            QuarkusTransaction.requiringNew().run(() -> queue.linkLater(item, delay, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "link of user %s in tenant %d failed", item.userId(), item.serviceTitanTenantId());
            QuarkusTransaction.requiringNew().run(() -> queue.linkLater(item, backoff(item.attempts()), e.toString()));
        } finally {
            signal.nudge();
        }
    }

    private void write(SyncQueue.WriteItem item) {
        try {
            client.setOfficePhone(item.serviceTitanTenantId(), item.employeeId(), item.phone());
            QuarkusTransaction.requiringNew().run(() -> sync.written(item));
        } catch (ServiceTitanClient.CallFailed e) {
            if (e.status == 429) {
                QuarkusTransaction.requiringNew().run(() -> queue.writeLater(item, e.retryAfter, "429: rate limited", false, false));
            } else if (e.status == 404) {
                QuarkusTransaction.requiringNew().run(() -> queue.relink(item.userId(), item.tenantId()));
            } else {
                boolean giveUp = !e.retryable() || item.attempts() + 1 >= config.maxAttempts();
                QuarkusTransaction.requiringNew().run(() -> queue.writeLater(item, backoff(item.attempts()), e.getMessage(),
                        true, giveUp));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Office Phone write for user %s in tenant %d failed", item.userId(), item.serviceTitanTenantId());
            QuarkusTransaction.requiringNew().run(() -> queue.writeLater(item, backoff(item.attempts()), e.toString(), true,
                    item.attempts() + 1 >= config.maxAttempts()));
        } finally {
            signal.nudge();
        }
    }

    /** base · 2^attempts, capped, with jitter (half to all of it) so retries from many items spread out. */
    private Duration backoff(int attempts) {
        long cap = config.backoffMax().toMillis();
        long exp = Math.min(cap, config.backoffBase().toMillis() << Math.min(20, attempts));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
