package io.switchboard.seat.service;

import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.RoleChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What other services publish about a user beyond the directory and their lines: queue memberships, the permissions
 * each role grants, effective recording settings, the ServiceTitan links and Office Phone writes. The table, its
 * filters, the alerts and the user detail read them. Each write keeps only what is newer (a version or, for sync,
 * the time it was observed), so redelivered or late events change nothing.
 */
@ApplicationScoped
public class UserFactsService {

    private final EntityManager em;

    public UserFactsService(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queueMember(QueueMemberChanged e, boolean added) {
        if (added) {
            em.createNativeQuery("""
                            insert into user_queue (user_id, queue_id, network_id, queue_name) values (?1, ?2, ?3, ?4)
                            on conflict (user_id, queue_id) do update set queue_name = excluded.queue_name""")
                    .setParameter(1, e.userId()).setParameter(2, e.queueId()).setParameter(3, e.networkId())
                    .setParameter(4, e.queueName()).executeUpdate();
        } else {
            em.createNativeQuery("delete from user_queue where user_id = ?1 and queue_id = ?2")
                    .setParameter(1, e.userId()).setParameter(2, e.queueId()).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void role(RoleChanged e) {
        em.createNativeQuery("""
                        insert into role_def (network_id, role_key, name, hub_permissions, servicetitan_permissions, deleted, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (network_id, role_key) do update set name = excluded.name,
                            hub_permissions = excluded.hub_permissions,
                            servicetitan_permissions = excluded.servicetitan_permissions,
                            deleted = excluded.deleted, version = excluded.version
                        where role_def.version < excluded.version""")
                .setParameter(1, e.networkId()).setParameter(2, e.key()).setParameter(3, e.name())
                .setParameter(4, e.hubPermissions().toArray(String[]::new))
                .setParameter(5, e.serviceTitanPermissions().toArray(String[]::new))
                .setParameter(6, e.deleted()).setParameter(7, e.version()).executeUpdate();
    }

    /** A user's effective recording settings; the network defaults (no user) are not per-user facts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recording(RecordingChanged e) {
        if (e.userId() == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into user_recording (user_id, network_id, inbound, outbound, announcement, customized, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (user_id) do update set inbound = excluded.inbound, outbound = excluded.outbound,
                            announcement = excluded.announcement, customized = excluded.customized, version = excluded.version
                        where user_recording.version < excluded.version""")
                .setParameter(1, e.userId()).setParameter(2, e.networkId()).setParameter(3, e.inbound())
                .setParameter(4, e.outbound()).setParameter(5, e.announcement()).setParameter(6, e.customized())
                .setParameter(7, e.version()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void link(SyncLinkChanged e) {
        em.createNativeQuery("""
                        insert into sync_link (user_id, tenant_id, network_id, servicetitan_tenant_id, status, employee_id, checked_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (user_id, tenant_id) do update set status = excluded.status,
                            employee_id = excluded.employee_id, checked_at = excluded.checked_at
                        where sync_link.checked_at is null or sync_link.checked_at <= excluded.checked_at""")
                .setParameter(1, e.userId()).setParameter(2, e.tenantId()).setParameter(3, e.networkId())
                .setParameter(4, e.serviceTitanTenantId()).setParameter(5, e.status())
                .setParameter(6, e.employeeId()).setParameter(7, e.occurredAt()).executeUpdate();
    }

    /** A write implies the link: an Office Phone is only ever written to a linked employee. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void officePhone(OfficePhoneWritten e) {
        em.createNativeQuery("""
                        insert into sync_link (user_id, tenant_id, network_id, servicetitan_tenant_id, status, employee_id,
                                               office_phone, office_phone_written)
                        values (?1, ?2, ?3, ?4, 'linked', ?5, ?6, ?7)
                        on conflict (user_id, tenant_id) do update set office_phone = excluded.office_phone,
                            office_phone_written = excluded.office_phone_written
                        where sync_link.office_phone_written is null or sync_link.office_phone_written <= excluded.office_phone_written""")
                .setParameter(1, e.userId()).setParameter(2, e.tenantId()).setParameter(3, e.networkId())
                .setParameter(4, e.serviceTitanTenantId()).setParameter(5, e.employeeId())
                .setParameter(6, e.phoneNumber()).setParameter(7, e.occurredAt()).executeUpdate();
    }
}
