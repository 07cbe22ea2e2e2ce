package io.switchboard.routing.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.rest.Versions;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.service.RecordingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Recording settings: the network's defaults, and each user's effective settings with their overrides. */
@Path("/api/v1")
@Authenticated
public class RecordingResource {

    public record RecordingRequest(String inbound, String outbound, String announcement, Long version) {
    }

    private final RecordingService recording;
    private final CallerContext caller;

    public RecordingResource(RecordingService recording, CallerContext caller) {
        this.recording = recording;
        this.caller = caller;
    }

    @GET
    @Path("/recording-defaults")
    public RecordingService.Effective defaults() {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return recording.defaults(caller.networkId());
    }

    @PUT
    @Path("/recording-defaults")
    @Operation(summary = "Set the network's defaults: inbound and outbound always|automatically|manually|never, announcement prompt|never")
    public RecordingService.Effective setDefaults(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid RecordingRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return recording.setDefaults(caller.networkId(), draft(request), Versions.expected(ifMatch, request.version(),
                "Recording defaults"), caller.actor());
    }

    @GET
    @Path("/users/{userId}/recording-settings")
    @Operation(summary = "The user's effective settings and, per field, whether it comes from the network default")
    public RecordingService.Effective forUser(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return recording.forUser(caller.networkId(), userId);
    }

    @PUT
    @Path("/users/{userId}/recording-settings")
    @Operation(summary = "Customize the user's settings; a field left null follows the network default")
    public RecordingService.Effective setForUser(@PathParam("userId") UUID userId, @HeaderParam("If-Match") String ifMatch,
                                                 @NotNull @Valid RecordingRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return recording.setForUser(caller.networkId(), userId, draft(request),
                Versions.expected(ifMatch, request.version(), "Recording settings"), caller.actor());
    }

    private static RecordingService.Draft draft(RecordingRequest r) {
        return new RecordingService.Draft(r.inbound(), r.outbound(), r.announcement());
    }
}
