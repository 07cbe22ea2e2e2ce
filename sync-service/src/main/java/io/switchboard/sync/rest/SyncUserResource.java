package io.switchboard.sync.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.sync.domain.DirectoryUser;
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

    /** Per-tenant link and Office Phone state; tenants arrive with the ServiceTitan sync issue. */
    public record TenantSync(UUID tenantId, String status) {
    }

    public record SyncUser(UUID userId, String email, String status, long directoryVersion, Instant updatedAt,
                           List<TenantSync> tenants) {
    }

    private final CallerContext caller;

    public SyncUserResource(CallerContext caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "What sync-service knows of a hub user and their ServiceTitan links")
    public SyncUser get(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        DirectoryUser u = DirectoryUser.<DirectoryUser>findInNetwork(caller.networkId(), userId)
                .orElseThrow(() -> ProblemException.notFound("User", userId));
        return new SyncUser(u.userId, u.email, u.status.toLowerCase(), u.directoryVersion, u.updatedAt, List.of());
    }
}
