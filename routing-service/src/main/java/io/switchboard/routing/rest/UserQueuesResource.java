package io.switchboard.routing.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.QueueMember;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/users/{userId}/queues")
@Authenticated
public class UserQueuesResource {

    public record QueueMembership(UUID queueId, String name, String kind) {
    }

    private final CallerContext caller;

    public UserQueuesResource(CallerContext caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The queues (call centers and departments) the user belongs to")
    public List<QueueMembership> list(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return QueueMember.<QueueMember>list("userId = ?1 and networkId = ?2", userId, caller.networkId()).stream()
                .map(m -> Queue.<Queue>findById(m.queueId))
                .map(q -> new QueueMembership(q.id, q.name, q.kind.toLowerCase().replace('_', '-')))
                .toList();
    }
}
