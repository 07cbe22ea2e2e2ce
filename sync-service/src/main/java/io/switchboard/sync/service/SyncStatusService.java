package io.switchboard.sync.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Queue health per network (the API) and for the whole service (metrics). */
@ApplicationScoped
public class SyncStatusService {

    public record Status(long pendingWrites, long failedWrites, double oldestPendingSeconds, Map<String, Long> links) {
    }

    private final EntityManager em;

    public SyncStatusService(EntityManager em, MeterRegistry registry) {
        this.em = em;
        Gauge.builder("switchboard_sync_writes_pending", this, s -> s.global().pendingWrites()).register(registry);
        Gauge.builder("switchboard_sync_writes_failed", this, s -> s.global().failedWrites()).register(registry);
        Gauge.builder("switchboard_sync_oldest_pending_seconds", this, s -> s.global().oldestPendingSeconds()).register(registry);
    }

    @Transactional
    public Status of(UUID networkId) {
        return query(networkId);
    }

    /** One query per scrape, not one per gauge: the three gauges read the same status within a second. */
    synchronized Status global() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt > 1_000_000_000L) {
            try {
                cached = QuarkusTransaction.requiringNew().call(() -> query(null));
            } catch (RuntimeException e) {
                cached = new Status(-1, -1, -1, Map.of());
            }
            cachedAt = now;
        }
        return cached;
    }

    private Status cached;
    private long cachedAt;

    @SuppressWarnings("unchecked")
    private Status query(UUID networkId) {
        Object[] writes = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),
                               coalesce(extract(epoch from now() - min(created_at) filter (where status = 'PENDING')), 0)
                          from phone_write where cast(?1 as uuid) is null or network_id = cast(?1 as uuid)""")
                .setParameter(1, networkId).getSingleResult();
        Map<String, Long> links = new TreeMap<>();
        for (Object[] r : (java.util.List<Object[]>) em.createNativeQuery("""
                        select status, count(*) from st_link where cast(?1 as uuid) is null or network_id = cast(?1 as uuid)
                         group by status""").setParameter(1, networkId).getResultList()) {
            links.put(r[0].toString().toLowerCase().replace('_', '-'), ((Number) r[1]).longValue());
        }
        return new Status(((Number) writes[0]).longValue(), ((Number) writes[1]).longValue(),
                ((Number) writes[2]).doubleValue(), links);
    }
}
