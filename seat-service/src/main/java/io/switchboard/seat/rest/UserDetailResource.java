package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.service.UserManagementService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
    }

    public record Detail(UUID userId, String firstName, String lastName, String email, String status, List<String> roles,
                         String seatLevel, Instant deactivatedAt, Teardown teardown) {
    }

    private final UserManagementService service;
    private final CallerContext caller;

    public UserDetailResource(UserManagementService service, CallerContext caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The user detail flyout; for a deactivated user, the teardown status across services")
    public Detail get(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        UserRow row = service.get(caller.networkId(), userId);
        UserManagementService.Teardown t = service.teardownOf(row);
        return new Detail(row.userId, row.firstName, row.lastName, row.email, row.status.toLowerCase(), List.of(row.roles),
                row.seatLevel.toLowerCase(), row.deactivatedAt, new Teardown(t.status(), t.waitingFor(),
                t.reports().stream().map(r -> new Report(r.service, r.detail, r.reportedAt)).toList()));
    }
}
