package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.service.AlertService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/alerts")
@Authenticated
public class AlertResource {

    private final AlertService alerts;
    private final CallerContext caller;

    public AlertResource(AlertService alerts, CallerContext caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Open alerts of the network (or of one user with ?userId=); each clears when its cause is fixed")
    public List<AlertService.Alert> list(@QueryParam("userId") String userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        UUID user = null;
        if (userId != null && !userId.isBlank()) {
            try {
                user = UUID.fromString(userId.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("userId", "must be a user id (UUID)");
            }
            UUID u = user;
            UserRow.findInNetwork(caller.networkId(), user).orElseThrow(() -> ProblemException.notFound("User", u));
        }
        return alerts.alerts(caller.networkId(), user);
    }
}
