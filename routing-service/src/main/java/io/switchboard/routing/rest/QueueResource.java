package io.switchboard.routing.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.rest.Versions;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.service.QueueService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Queues: call centers and departments, and their members. */
@Path("/api/v1/queues")
@Authenticated
public class QueueResource {

    public record QueueRequest(@NotBlank @Size(max = 100) String name,
                               @NotBlank(message = "must be call-center or department") String kind,
                               UUID tenantId, Long version) {
    }

    public record QueueRepresentation(UUID id, String name, String kind, UUID tenantId, long version) {
        static QueueRepresentation of(Queue q) {
            return new QueueRepresentation(q.id, q.name, q.kind.toLowerCase().replace('_', '-'), q.tenantId, q.version);
        }
    }

    private final QueueService queues;
    private final CallerContext caller;

    public QueueResource(QueueService queues, CallerContext caller) {
        this.queues = queues;
        this.caller = caller;
    }

    @GET
    public List<QueueRepresentation> list() {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return queues.list(caller.networkId()).stream().map(QueueRepresentation::of).toList();
    }

    @POST
    @Operation(summary = "Create a call center or a department (optionally of a tenant)")
    public Response create(@NotNull @Valid QueueRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        Queue q = queues.create(caller.networkId(), new QueueService.QueueDraft(request.name(), request.kind(), request.tenantId()));
        return Response.created(URI.create("/api/v1/queues/" + q.id)).entity(QueueRepresentation.of(q)).build();
    }

    @GET
    @Path("/{queueId}")
    public QueueRepresentation get(@PathParam("queueId") UUID queueId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return QueueRepresentation.of(queues.get(caller.networkId(), queueId));
    }

    @PUT
    @Path("/{queueId}")
    public QueueRepresentation update(@PathParam("queueId") UUID queueId, @HeaderParam("If-Match") String ifMatch,
                                      @NotNull @Valid QueueRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return QueueRepresentation.of(queues.update(caller.networkId(), queueId,
                new QueueService.QueueDraft(request.name(), request.kind(), request.tenantId()),
                Versions.expected(ifMatch, request.version(), "Queue")));
    }

    @DELETE
    @Path("/{queueId}")
    public Response delete(@PathParam("queueId") UUID queueId) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        queues.delete(caller.networkId(), queueId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{queueId}/members/{userId}")
    @Operation(summary = "Add a user: needs a seat, a direct line and E911; call centers take Advanced seats only")
    public QueueRepresentation addMember(@PathParam("queueId") UUID queueId, @PathParam("userId") UUID userId) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return QueueRepresentation.of(queues.addMember(caller.networkId(), queueId, userId, caller.actor()));
    }

    @DELETE
    @Path("/{queueId}/members/{userId}")
    public Response removeMember(@PathParam("queueId") UUID queueId, @PathParam("userId") UUID userId) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        queues.removeMember(caller.networkId(), queueId, userId, caller.actor());
        return Response.noContent().build();
    }
}
