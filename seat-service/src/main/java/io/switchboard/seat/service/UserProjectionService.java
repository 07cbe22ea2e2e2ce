package io.switchboard.seat.service;

import io.switchboard.platform.contract.RoleAssignment;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventJson;
import io.switchboard.seat.domain.TeardownReport;
import io.switchboard.seat.domain.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the User Management rows in step with the directory. Each row remembers the directory version it reflects,
 * so an older event arriving late never undoes a newer one, whatever order the topics deliver in.
 */
@ApplicationScoped
public class UserProjectionService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserCreated e) {
        upsert(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.roles(), e.tenantIds(),
                e.roleAssignments(), e.version());
    }

    /** Every later user event carries the user's whole state, so each is applied the same way as the creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserChanged e) {
        upsert(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.roles(), e.tenantIds(),
                e.roleAssignments(), e.version());
    }

    /** The user's direct line, from number events; an older line arriving late is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(io.switchboard.platform.contract.DirectLineChanged e) {
        UserRow row = lockRow(e.userId(), e.networkId());
        if (row.lineVersion >= e.lineVersion()) {
            return;
        }
        row.directLine = e.number();
        row.secondaryNumbers = e.secondaryNumbers() == null ? new String[0] : e.secondaryNumbers().toArray(String[]::new);
        row.lineVersion = e.lineVersion();
        row.updatedAt = Instant.now();
        row.persist();
    }

    private static void upsert(UUID userId, UUID networkId, String email, String firstName, String lastName,
                               String status, List<String> roles, List<UUID> tenantIds,
                               List<RoleAssignment> roleAssignments, long version) {
        UserRow row = newerThan(userId, networkId, version);
        if (row == null) {
            return;
        }
        row.networkId = networkId;
        row.email = email;
        row.firstName = firstName;
        row.lastName = lastName;
        row.status = status;
        row.roles = roles.toArray(String[]::new);
        row.tenantIds = tenantIds == null ? new UUID[0] : tenantIds.toArray(UUID[]::new);
        row.roleAssignments = EventJson.write(roleAssignments != null && !roleAssignments.isEmpty() ? roleAssignments
                : roles.stream().map(r -> new RoleAssignment(r, List.of())).toList());
        row.directoryVersion = version;
        if (!"DEACTIVATED".equals(status)) {
            row.deactivatedAt = null;
        }
        row.updatedAt = Instant.now();
        row.persist();
    }

    /** The user leaves the view and their seat is freed (None), so it no longer counts toward billing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserDeactivated e) {
        UserRow row = newerThan(e.userId(), e.networkId(), e.version());
        if (row == null) {
            return;
        }
        row.networkId = e.networkId();
        row.email = e.email();
        row.status = "DEACTIVATED";
        row.seatLevel = "NONE";
        row.billTo = null;
        // The line goes back to the reserve list, and its E911 address with it.
        io.switchboard.seat.domain.E911Address.deleteById(e.userId());
        row.deactivatedAt = e.occurredAt();
        row.deactivationVersion = e.version();
        row.directoryVersion = e.version();
        row.updatedAt = Instant.now();
        row.persist();
    }

    /**
     * The row to update, locked, or null when it already reflects this version or a newer one. A user first seen through
     * another event (a line, or a deactivation before the creation) starts as an empty row with version -1. The row is
     * created with ON CONFLICT DO NOTHING: the directory and number consumers may both be first for a new user.
     */
    private static UserRow newerThan(UUID userId, UUID networkId, long version) {
        UserRow row = lockRow(userId, networkId);
        return row.directoryVersion >= version ? null : row;
    }

    private static UserRow lockRow(UUID userId, UUID networkId) {
        UserRow.getEntityManager().createNativeQuery("""
                        insert into user_row (user_id, network_id, email, status, directory_version)
                        values (?1, ?2, '', 'INVITED', -1) on conflict (user_id) do nothing""")
                .setParameter(1, userId).setParameter(2, networkId).executeUpdate();
        return UserRow.getEntityManager().find(UserRow.class, userId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTeardown(UUID userId, UUID networkId, String service, String detail, Instant reportedAt,
                               Long deactivationVersion) {
        long version = deactivationVersion == null ? -1 : deactivationVersion;
        if (TeardownReport.findById(new TeardownReport.Key(userId, service, version)) != null) {
            return;
        }
        TeardownReport report = new TeardownReport();
        report.userId = userId;
        report.service = service;
        report.deactivationVersion = version;
        report.networkId = networkId;
        report.detail = detail;
        report.reportedAt = reportedAt;
        report.persist();
    }
}
