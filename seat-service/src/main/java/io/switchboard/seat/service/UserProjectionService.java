package io.switchboard.seat.service;

import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.seat.domain.TeardownReport;
import io.switchboard.seat.domain.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the User Management rows in step with the directory. Each row remembers the directory version it reflects,
 * so an older event arriving late never undoes a newer one, whatever order the topics deliver in.
 */
@ApplicationScoped
public class UserProjectionService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserCreated e) {
        UserRow row = newerThan(e.userId(), e.version());
        if (row == null) {
            return;
        }
        row.networkId = e.networkId();
        row.email = e.email();
        row.firstName = e.firstName();
        row.lastName = e.lastName();
        row.status = e.status();
        row.roles = e.roles().toArray(String[]::new);
        row.directoryVersion = e.version();
        row.updatedAt = Instant.now();
        row.persist();
    }

    /** The user leaves the view and their seat is freed (None), so it no longer counts toward billing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserDeactivated e) {
        UserRow row = newerThan(e.userId(), e.version());
        if (row == null) {
            return;
        }
        row.networkId = e.networkId();
        row.email = e.email();
        row.status = "DEACTIVATED";
        row.seatLevel = "NONE";
        row.deactivatedAt = e.occurredAt();
        row.directoryVersion = e.version();
        row.updatedAt = Instant.now();
        row.persist();
    }

    /**
     * The row to update, or null when it already reflects this version or a newer one. A user first seen through a later
     * event (deactivation before creation) starts as an empty row; the older creation is then ignored.
     */
    private static UserRow newerThan(UUID userId, long version) {
        UserRow row = UserRow.findById(userId);
        if (row == null) {
            row = new UserRow();
            row.userId = userId;
            row.firstName = "";
            row.lastName = "";
            row.roles = new String[0];
            row.seatLevel = "NONE";
            return row;
        }
        return row.directoryVersion >= version ? null : row;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTeardown(UUID userId, UUID networkId, String service, String detail, Instant reportedAt) {
        if (TeardownReport.findById(new TeardownReport.Key(userId, service)) != null) {
            return;
        }
        TeardownReport report = new TeardownReport();
        report.userId = userId;
        report.service = service;
        report.networkId = networkId;
        report.detail = detail;
        report.reportedAt = reportedAt;
        report.persist();
    }
}
