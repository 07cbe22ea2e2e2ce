package io.switchboard.sync.service;

import io.switchboard.platform.contract.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The two persisted queues — links to resolve and Office Phones to write — in sync-service's database, so a restart
 * loses nothing. Items are claimed for a while before work starts; a worker that dies leaves its claim to lapse and
 * the item is taken again.
 */
@ApplicationScoped
public class SyncQueue {

    /** A link to resolve. */
    public record LinkItem(UUID userId, UUID tenantId, UUID networkId, long serviceTitanTenantId, String email, int attempts) {
    }

    /** An Office Phone to write; {@code seq} tells whether the wanted value changed while the call was in flight. */
    public record WriteItem(UUID userId, UUID tenantId, UUID networkId, long serviceTitanTenantId, long employeeId,
                            String phone, long seq, int attempts) {
    }

    private final EntityManager em;

    public SyncQueue(EntityManager em) {
        this.em = em;
    }

    /**
     * Serializes everything that reads one user's line and links and then decides what to write: without it a line
     * applied while the user's link is being resolved could be seen by neither side, and never written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockUser(UUID userId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 7))")
                .setParameter(1, userId.toString()).getSingleResult();
    }

    /** Replaces the user's tenants; new tenants (and all of them when the email changed) get a link to resolve. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tenants(UUID userId, UUID networkId, String email, List<TenantRef> tenants, boolean emailChanged) {
        List<UUID> ids = tenants.stream().map(TenantRef::tenantId).toList();
        em.createNativeQuery("delete from st_link where user_id = ?1 and not (tenant_id = any(?2))")
                .setParameter(1, userId).setParameter(2, ids.toArray(UUID[]::new)).executeUpdate();
        em.createNativeQuery("delete from phone_write where user_id = ?1 and not (tenant_id = any(?2))")
                .setParameter(1, userId).setParameter(2, ids.toArray(UUID[]::new)).executeUpdate();
        em.createNativeQuery("delete from user_tenant where user_id = ?1").setParameter(1, userId).executeUpdate();
        for (TenantRef t : tenants) {
            em.createNativeQuery("insert into user_tenant (user_id, tenant_id, servicetitan_tenant_id) values (?1, ?2, ?3)")
                    .setParameter(1, userId).setParameter(2, t.tenantId()).setParameter(3, t.serviceTitanTenantId()).executeUpdate();
            em.createNativeQuery("""
                            insert into st_link (user_id, tenant_id, network_id, servicetitan_tenant_id, email, status)
                            values (?1, ?2, ?3, ?4, ?5, 'PENDING')
                            on conflict (user_id, tenant_id) do update
                               set email = excluded.email, servicetitan_tenant_id = excluded.servicetitan_tenant_id,
                                   status = case when ?6 or st_link.servicetitan_tenant_id <> excluded.servicetitan_tenant_id
                                                 then 'PENDING' else st_link.status end,
                                   attempts = case when ?6 then 0 else st_link.attempts end,
                                   next_attempt_at = case when ?6 then now() else st_link.next_attempt_at end""")
                    .setParameter(1, userId).setParameter(2, t.tenantId()).setParameter(3, networkId)
                    .setParameter(4, t.serviceTitanTenantId()).setParameter(5, email).setParameter(6, emailChanged)
                    .executeUpdate();
        }
    }

    /** Wants this Office Phone in every tenant where the user is linked (a newer value replaces one still waiting). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int wantEverywhere(UUID userId, String phone) {
        return em.createNativeQuery("""
                        insert into phone_write (user_id, tenant_id, network_id, servicetitan_tenant_id, employee_id,
                                                 desired_phone, status)
                        select l.user_id, l.tenant_id, l.network_id, l.servicetitan_tenant_id, l.employee_id, ?2, 'PENDING'
                          from st_link l where l.user_id = ?1 and l.status = 'LINKED'
                        on conflict (user_id, tenant_id) do update
                           set desired_phone = excluded.desired_phone, employee_id = excluded.employee_id,
                               desired_seq = phone_write.desired_seq + 1, status = 'PENDING', attempts = 0,
                               next_attempt_at = now()""")
                .setParameter(1, userId).setParameter(2, phone).executeUpdate();
    }

    /** Wants this Office Phone in one tenant (after it was linked, or to undo drift). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void want(UUID userId, UUID tenantId, String phone) {
        em.createNativeQuery("""
                        insert into phone_write (user_id, tenant_id, network_id, servicetitan_tenant_id, employee_id,
                                                 desired_phone, status)
                        select l.user_id, l.tenant_id, l.network_id, l.servicetitan_tenant_id, l.employee_id, ?3, 'PENDING'
                          from st_link l where l.user_id = ?1 and l.tenant_id = ?2 and l.status = 'LINKED'
                        on conflict (user_id, tenant_id) do update
                           set desired_phone = excluded.desired_phone, employee_id = excluded.employee_id,
                               desired_seq = phone_write.desired_seq + 1, status = 'PENDING', attempts = 0,
                               next_attempt_at = now()""")
                .setParameter(1, userId).setParameter(2, tenantId).setParameter(3, phone).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<LinkItem> claimLinks(int limit, Duration claim) {
        List<Object[]> rows = em.createNativeQuery("""
                        update st_link l set claimed_until = now() + make_interval(secs => ?2)
                         where (l.user_id, l.tenant_id) in (
                               select user_id, tenant_id from st_link
                                where status = 'PENDING' and next_attempt_at <= now()
                                  and (claimed_until is null or claimed_until < now())
                                order by next_attempt_at limit ?1 for update skip locked)
                        returning l.user_id, l.tenant_id, l.network_id, l.servicetitan_tenant_id, l.email, l.attempts""")
                .setParameter(1, limit).setParameter(2, claim.toMillis() / 1000.0).getResultList();
        return rows.stream().map(r -> new LinkItem((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).longValue(),
                (String) r[4], ((Number) r[5]).intValue())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<WriteItem> claimWrites(int limit, Duration claim) {
        List<Object[]> rows = em.createNativeQuery("""
                        update phone_write w set claimed_until = now() + make_interval(secs => ?2)
                         where (w.user_id, w.tenant_id) in (
                               select user_id, tenant_id from phone_write
                                where status = 'PENDING' and next_attempt_at <= now()
                                  and (claimed_until is null or claimed_until < now())
                                order by next_attempt_at limit ?1 for update skip locked)
                        returning w.user_id, w.tenant_id, w.network_id, w.servicetitan_tenant_id, w.employee_id,
                                  w.desired_phone, w.desired_seq, w.attempts""")
                .setParameter(1, limit).setParameter(2, claim.toMillis() / 1000.0).getResultList();
        return rows.stream().map(r -> new WriteItem((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), (String) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).intValue())).toList();
    }

    /** The link is resolved (LINKED with an employee, NOT_FOUND or AMBIGUOUS). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linked(LinkItem item, String status, Long employeeId) {
        em.createNativeQuery("""
                        update st_link set status = ?3, employee_id = ?4, attempts = 0, claimed_until = null,
                               last_error = null, checked_at = now()
                         where user_id = ?1 and tenant_id = ?2 and email = ?5""")
                .setParameter(1, item.userId()).setParameter(2, item.tenantId()).setParameter(3, status)
                .setParameter(4, employeeId).setParameter(5, item.email()).executeUpdate();
    }

    /** Try the link again later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkLater(LinkItem item, Duration delay, String error) {
        em.createNativeQuery("""
                        update st_link set attempts = attempts + 1, claimed_until = null, last_error = ?3,
                               next_attempt_at = now() + make_interval(secs => ?4)
                         where user_id = ?1 and tenant_id = ?2""")
                .setParameter(1, item.userId()).setParameter(2, item.tenantId()).setParameter(3, error)
                .setParameter(4, delay.toMillis() / 1000.0).executeUpdate();
    }

    /** The write landed; done unless a newer value arrived meanwhile (then it goes again at once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void written(WriteItem item) {
        em.createNativeQuery("""
                        update phone_write set written_phone = ?3, written_at = now(), last_attempt_at = now(),
                               last_result = 'ok', claimed_until = null,
                               status = case when desired_seq = ?4 then 'DONE' else 'PENDING' end,
                               attempts = case when desired_seq = ?4 then attempts else 0 end
                         where user_id = ?1 and tenant_id = ?2""")
                .setParameter(1, item.userId()).setParameter(2, item.tenantId()).setParameter(3, item.phone())
                .setParameter(4, item.seq()).executeUpdate();
    }

    /** The write did not land: again after {@code delay}, or FAILED when {@code give up} (reconciliation retries it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeLater(WriteItem item, Duration delay, String result, boolean countsAsAttempt, boolean giveUp) {
        em.createNativeQuery("""
                        update phone_write set last_attempt_at = now(), last_result = ?3, claimed_until = null,
                               attempts = attempts + ?4,
                               status = case when ?5 and desired_seq = ?6 then 'FAILED' else 'PENDING' end,
                               next_attempt_at = now() + make_interval(secs => ?7)
                         where user_id = ?1 and tenant_id = ?2""")
                .setParameter(1, item.userId()).setParameter(2, item.tenantId()).setParameter(3, result)
                .setParameter(4, countsAsAttempt ? 1 : 0).setParameter(5, giveUp).setParameter(6, item.seq())
                .setParameter(7, delay.toMillis() / 1000.0).executeUpdate();
    }

    /** The employee is gone from the tenant: find them again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relink(UUID userId, UUID tenantId) {
        em.createNativeQuery("update st_link set status = 'PENDING', next_attempt_at = now(), claimed_until = null "
                + "where user_id = ?1 and tenant_id = ?2").setParameter(1, userId).setParameter(2, tenantId).executeUpdate();
        em.createNativeQuery("update phone_write set claimed_until = null, next_attempt_at = now() + interval '1 second' "
                + "where user_id = ?1 and tenant_id = ?2").setParameter(1, userId).setParameter(2, tenantId).executeUpdate();
    }
}
