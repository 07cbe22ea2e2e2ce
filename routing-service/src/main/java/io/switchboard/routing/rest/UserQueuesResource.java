package io.switchboard.routing.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.service.QueueService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/users/{userId}/queues")
@Authenticated
public class UserQueuesResource {

    private final QueueService queues;
    private final CallerContext caller;

    public UserQueuesResource(QueueService queues, CallerContext caller) {
        this.queues = queues;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The queues (call centers and departments) the user belongs to")
    public List<QueueResource.QueueRepresentation> list(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return queues.queuesOf(caller.networkId(), userId).stream().map(QueueResource.QueueRepresentation::of).toList();
    }
}
