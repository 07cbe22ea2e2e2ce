package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.rest.Paging;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.service.AlertService;
import io.switchboard.seat.service.AuditService;
import io.switchboard.seat.service.UserDetailService;
import io.switchboard.seat.service.UserManagementService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/users/{userId}")
@Authenticated
public class UserDetailResource {

    public record Report(String service, String detail, Instant reportedAt) {
    }

    public record Teardown(String status, List<String> waitingFor, List<Report> reports) {
        static Teardown of(UserManagementService.Teardown t) {
            return new Teardown(t.status(), t.waitingFor(),
                    t.reports().stream().map(r -> new Report(r.service, r.detail, r.reportedAt)).toList());
        }
    }

    public record Detail(UUID userId, String firstName, String lastName, String email, String status, List<String> roles,
                         List<UUID> tenantIds, String seatLevel, UserDetailService.Seat seat,
                         UserDetailService.Permissions permissions, UserDetailService.Numbers numbers,
                         UserDetailService.E911 e911, List<UserDetailService.Queue> queues,
                         UserDetailService.Recording recording, List<UserDetailService.ServiceTitanLink> serviceTitan,
                         List<AlertService.Alert> alerts, Instant deactivatedAt, Teardown teardown) {
    }

    private final UserDetailService details;
    private final AuditService audit;
    private final CallerContext caller;

    public UserDetailResource(UserDetailService details, AuditService audit, CallerContext caller) {
        this.details = details;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The user detail flyout: overview, seat, permissions, numbers, E911, queues, recording, "
            + "ServiceTitan sync status, alerts; for a deactivated user, the teardown status across services")
    public Detail get(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        UserDetailService.Detail d = details.detail(caller.networkId(), userId);
        UserRow row = d.row();
        return new Detail(row.userId, row.firstName, row.lastName, row.email, row.status.toLowerCase(), List.of(row.roles),
                List.of(row.tenantIds), row.seatLevel.toLowerCase(), d.seat(), d.permissions(), d.numbers(), d.e911(),
                d.queues(), d.recording(), d.serviceTitan(), d.alerts(), row.deactivatedAt, Teardown.of(d.teardown()));
    }

    @GET
    @Path("/audit-log")
    @Operation(summary = "Every change to the user in any service: when, who, which service, what (before → after); newest first")
    public AuditService.Page auditLog(@PathParam("userId") UUID userId, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return audit.log(caller.networkId(), userId, Paging.limit(limit), cursor);
    }
}
