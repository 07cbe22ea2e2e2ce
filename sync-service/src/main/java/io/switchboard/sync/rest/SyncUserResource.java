package io.switchboard.sync.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.sync.domain.DirectoryUser;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/sync/users/{userId}")
@Authenticated
public class SyncUserResource {

    /** Per assigned tenant: the linked employee, the Office Phone last written and wanted, and the last attempt. */
    public record TenantSync(UUID tenantId, long serviceTitanTenantId, String linkStatus, Long employeeId,
                             String officePhoneWritten, Instant writtenAt, String officePhoneWanted, String writeStatus,
                             Instant lastAttemptAt, String lastResult, String linkError) {
    }

    public record SyncUser(UUID userId, String email, String status, long directoryVersion, Instant updatedAt,
                           String directLine, List<TenantSync> tenants) {
    }

    private final CallerContext caller;
    private final EntityManager em;

    public SyncUserResource(CallerContext caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    @GET
    @Transactional
    @Operation(summary = "A hub user's ServiceTitan links and Office Phone, per assigned tenant")
    @SuppressWarnings("unchecked")
    public SyncUser get(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        DirectoryUser u = DirectoryUser.<DirectoryUser>findInNetwork(caller.networkId(), userId)
                .orElseThrow(() -> ProblemException.notFound("User", userId));
        List<Object[]> rows = em.createNativeQuery("""
                        select t.tenant_id, t.servicetitan_tenant_id, l.status, l.employee_id, w.written_phone, w.written_at,
                               w.desired_phone, w.status, w.last_attempt_at, w.last_result, l.last_error
                          from user_tenant t
                          left join st_link l on l.user_id = t.user_id and l.tenant_id = t.tenant_id
                          left join phone_write w on w.user_id = t.user_id and w.tenant_id = t.tenant_id
                         where t.user_id = ?1 order by t.servicetitan_tenant_id""")
                .setParameter(1, userId).getResultList();
        List<String> line = em.createNativeQuery("select number from user_line where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return new SyncUser(u.userId, u.email, u.status.toLowerCase(), u.directoryVersion, u.updatedAt,
                line.isEmpty() ? null : line.get(0),
                rows.stream().map(r -> new TenantSync((UUID) r[0], ((Number) r[1]).longValue(),
                        r[2] == null ? "pending" : r[2].toString().toLowerCase().replace('_', '-'),
                        r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], instant(r[5]), (String) r[6],
                        r[7] == null ? null : r[7].toString().toLowerCase(), instant(r[8]), (String) r[9], (String) r[10]))
                        .toList());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
