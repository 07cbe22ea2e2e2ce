package io.switchboard.seat.service;

import io.switchboard.platform.contract.RoleAssignment;
import io.switchboard.platform.events.EventJson;
import io.switchboard.seat.domain.E911Address;
import io.switchboard.seat.domain.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The user detail flyout (seed 000): overview, permissions, numbers, E911, queues, recording, ServiceTitan sync status,
 * alerts and, after a deactivation, the teardown across services. Everything comes from the projection; nothing is
 * fetched from another service at read time.
 */
@ApplicationScoped
public class UserDetailService {

    public record Seat(String level, UUID billToTenantId, long version) {
    }

    /** A role the user holds and what it grants; {@code known} is false until the role's definition has arrived. */
    public record RolePermissions(String role, String name, boolean known, List<String> hubPermissions,
                                  List<String> serviceTitanPermissions, List<UUID> disabledTenantIds) {
    }

    public record Permissions(List<String> hubPermissions, List<RolePermissions> roles) {
    }

    public record Numbers(String directLine, List<String> secondaryNumbers) {
    }

    public record E911(String status, String warning) {
    }

    public record Queue(UUID queueId, String name) {
    }

    public record Recording(String inbound, String outbound, String announcement, boolean customized) {
    }

    public record ServiceTitanLink(UUID tenantId, long serviceTitanTenantId, String status, Long employeeId,
                                   String officePhone, Instant officePhoneWrittenAt) {
    }

    public record Detail(UserRow row, Seat seat, Permissions permissions, Numbers numbers, E911 e911, List<Queue> queues,
                         Recording recording, List<ServiceTitanLink> serviceTitan, List<AlertService.Alert> alerts,
                         UserManagementService.Teardown teardown) {
    }

    private final UserManagementService users;
    private final AlertService alerts;
    private final EntityManager em;

    public UserDetailService(UserManagementService users, AlertService alerts, EntityManager em) {
        this.users = users;
        this.alerts = alerts;
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Detail detail(UUID networkId, UUID userId) {
        UserRow row = users.get(networkId, userId);
        E911Address address = E911Address.findById(userId);
        List<Queue> queues = ((List<Object[]>) em.createNativeQuery(
                        "select queue_id, queue_name from user_queue where user_id = ?1 order by queue_name")
                .setParameter(1, userId).getResultList()).stream().map(q -> new Queue((UUID) q[0], (String) q[1])).toList();
        List<Object[]> recording = em.createNativeQuery(
                        "select inbound, outbound, announcement, customized from user_recording where user_id = ?1")
                .setParameter(1, userId).getResultList();
        List<ServiceTitanLink> links = ((List<Object[]>) em.createNativeQuery("""
                        select tenant_id, servicetitan_tenant_id, status, employee_id, office_phone, office_phone_written
                          from sync_link where user_id = ?1 order by servicetitan_tenant_id""")
                .setParameter(1, userId).getResultList()).stream()
                .map(l -> new ServiceTitanLink((UUID) l[0], ((Number) l[1]).longValue(), (String) l[2],
                        l[3] == null ? null : ((Number) l[3]).longValue(), (String) l[4], SqlValues.instant(l[5]))).toList();
        return new Detail(row, new Seat(row.seatLevel.toLowerCase(), row.billTo, row.seatVersion), permissions(row),
                new Numbers(row.directLine, List.of(row.secondaryNumbers)),
                new E911(address == null ? "missing" : address.verified ? "verified" : "unverified",
                        address == null ? null : address.warning),
                queues,
                recording.isEmpty() ? null : new Recording((String) recording.get(0)[0], (String) recording.get(0)[1],
                        (String) recording.get(0)[2], (Boolean) recording.get(0)[3]),
                links, alerts.alerts(networkId, userId), users.teardownOf(row));
    }

    @SuppressWarnings("unchecked")
    private Permissions permissions(UserRow row) {
        RoleAssignment[] assignments = EventJson.read(row.roleAssignments, RoleAssignment[].class);
        Map<String, Object[]> defs = new HashMap<>();
        for (Object[] d : (List<Object[]>) em.createNativeQuery("""
                        select role_key, name, hub_permissions, servicetitan_permissions from role_def
                         where network_id = ?1 and role_key = any(?2) and not deleted""")
                .setParameter(1, row.networkId).setParameter(2, row.roles).getResultList()) {
            defs.put((String) d[0], d);
        }
        TreeSet<String> hub = new TreeSet<>();
        List<RolePermissions> roles = new ArrayList<>();
        for (RoleAssignment a : assignments) {
            Object[] d = defs.get(a.role());
            List<String> hubPermissions = d == null ? List.of() : Arrays.asList((String[]) d[2]);
            hub.addAll(hubPermissions);
            roles.add(new RolePermissions(a.role(), d == null ? null : (String) d[1], d != null, hubPermissions,
                    d == null ? List.of() : Arrays.asList((String[]) d[3]),
                    a.disabledTenantIds() == null ? List.of() : a.disabledTenantIds()));
        }
        return new Permissions(List.copyOf(hub), roles);
    }

}
