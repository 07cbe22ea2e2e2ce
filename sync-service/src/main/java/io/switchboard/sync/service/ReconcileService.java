package io.switchboard.sync.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.sync.config.SyncConfig;
import io.switchboard.sync.servicetitan.ServiceTitanClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compares each linked employee's Office Phone in ServiceTitan with the line it should have and queues a write where
 * they differ (someone changed it in ServiceTitan, or a write failed for good). Also retries FAILED writes. Runs on
 * demand for a network and periodically for all.
 */
@ApplicationScoped
public class ReconcileService {

    public record Drift(UUID userId, UUID tenantId, long serviceTitanTenantId, long employeeId, String found, String expected) {
    }

    public record Report(int checked, List<Drift> fixed, List<String> errors, int failedWritesRetried) {
    }

    private static final Logger LOG = Logger.getLogger(ReconcileService.class);

    private final EntityManager em;
    private final ServiceTitanClient client;
    private final SyncService sync;
    private final SyncQueue queue;
    private final SyncSignal signal;
    private final SyncConfig config;
    private ScheduledExecutorService timer;

    public ReconcileService(EntityManager em, ServiceTitanClient client, SyncService sync, SyncQueue queue, SyncSignal signal,
                            SyncConfig config) {
        this.em = em;
        this.client = client;
        this.sync = sync;
        this.queue = queue;
        this.signal = signal;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        long every = config.reconcileInterval().toMillis();
        if (every > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sync-reconcile");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    Report report = reconcile(null);
                    LOG.infof("reconciliation: %d checked, %d fixed, %d failed writes retried", report.checked(),
                            report.fixed().size(), report.failedWritesRetried());
                } catch (RuntimeException e) {
                    LOG.warn("reconciliation failed; next run as scheduled", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One network, or every network when {@code networkId} is null. */
    public Report reconcile(UUID networkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> links = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select user_id, tenant_id, servicetitan_tenant_id, employee_id from st_link
                         where status = 'LINKED' and (cast(?1 as uuid) is null or network_id = cast(?1 as uuid))""")
                .setParameter(1, networkId).getResultList());
        int retried = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update phone_write set status = 'PENDING', attempts = 0, next_attempt_at = now()
                         where status = 'FAILED' and (cast(?1 as uuid) is null or network_id = cast(?1 as uuid))""")
                .setParameter(1, networkId).executeUpdate());
        List<Drift> fixed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Object[] l : links) {
            UUID userId = (UUID) l[0];
            UUID tenantId = (UUID) l[1];
            long tenant = ((Number) l[2]).longValue();
            long employeeId = ((Number) l[3]).longValue();
            try {
                Optional<ServiceTitanClient.Employee> employee = client.get(tenant, employeeId);
                String expected = QuarkusTransaction.requiringNew().call(() -> sync.expectedPhone(userId).orElse(null));
                String found = employee.map(ServiceTitanClient.Employee::phoneNumber).orElse(null);
                if (employee.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> queue.relink(userId, tenantId));
                } else if (!Objects.equals(digits(found), digits(expected))) {
                    QuarkusTransaction.requiringNew().run(() -> queue.want(userId, tenantId, expected));
                    fixed.add(new Drift(userId, tenantId, tenant, employeeId, found, expected));
                }
            } catch (ServiceTitanClient.CallFailed e) {
                errors.add("tenant " + tenant + " employee " + employeeId + ": " + e.getMessage());
            }
        }
        signal.nudge();
        return new Report(links.size(), fixed, errors, retried);
    }

    /** Compares numbers however ServiceTitan formatted them: the last ten digits. */
    private static String digits(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String d = phone.replaceAll("[^0-9]", "");
        return d.length() > 10 ? d.substring(d.length() - 10) : d;
    }
}
