package io.switchboard.seat.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Alerts (seeds 000, 001): an Advanced seat with no queue, a direct line without an E911 address, an unverified E911
 * address, a hub user with no (or several) ServiceTitan employees by their email. Computed from the current facts on
 * every read, so an alert clears by itself the moment its cause is fixed.
 */
@ApplicationScoped
public class AlertService {

    public record Alert(UUID userId, String kind, String message) {
    }

    private final EntityManager em;

    public AlertService(EntityManager em) {
        this.em = em;
    }

    /** The network's alerts, or one user's when {@code userId} is set. */
    @Transactional
    public List<Alert> alerts(UUID networkId, UUID userId) {
        return alerts(networkId, userId == null ? null : new UUID[]{userId});
    }

    /** The alerts of some users of the network (a page of the table), or of all when {@code userIds} is null. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Alert> alerts(UUID networkId, UUID[] userIds) {
        List<Alert> alerts = new ArrayList<>();
        List<Object[]> rows = em.createNativeQuery("""
                        select r.user_id, r.seat_level, r.direct_line, e.user_id is not null, coalesce(e.verified, false),
                               exists (select 1 from user_queue q where q.user_id = r.user_id), r.first_name || ' ' || r.last_name
                          from user_row r left join e911_address e on e.user_id = r.user_id
                         where r.network_id = ?1 and r.status <> 'DEACTIVATED' and (cast(?2 as uuid[]) is null or r.user_id = any(cast(?2 as uuid[])))
                         order by lower(r.last_name), lower(r.first_name), r.user_id""")
                .setParameter(1, networkId).setParameter(2, userIds).getResultList();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String name = ((String) r[6]).trim();
            if ("ADVANCED".equals(r[1]) && !(Boolean) r[5]) {
                alerts.add(new Alert(id, "advanced-seat-without-queue", name + " has an Advanced seat but no queue"));
            }
            if (r[2] != null && !(Boolean) r[3]) {
                alerts.add(new Alert(id, "line-without-e911", name + "'s direct line " + r[2] + " has no E911 address"));
            }
            if ((Boolean) r[3] && !(Boolean) r[4]) {
                alerts.add(new Alert(id, "e911-unverified", name + "'s E911 address was saved unverified"));
            }
        }
        List<Object[]> problems = em.createNativeQuery("""
                        select p.user_id, p.servicetitan_tenant_id, p.status, r.email from sync_link p
                          join user_row r on r.user_id = p.user_id and r.status <> 'DEACTIVATED'
                         where p.network_id = ?1 and p.status <> 'linked' and (cast(?2 as uuid[]) is null or p.user_id = any(cast(?2 as uuid[])))
                         order by p.user_id, p.servicetitan_tenant_id""")
                .setParameter(1, networkId).setParameter(2, userIds).getResultList();
        for (Object[] p : problems) {
            boolean ambiguous = "ambiguous".equals(p[2]);
            alerts.add(new Alert((UUID) p[0], ambiguous ? "servicetitan-employee-ambiguous" : "servicetitan-employee-not-found",
                    (ambiguous ? "Several ServiceTitan employees" : "No ServiceTitan employee") + " in tenant " + p[1]
                            + " has the email " + p[3] + "; the Office Phone cannot be synced there"));
        }
        return alerts;
    }
}
