package io.switchboard.number.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.number.service.LineService;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * A person's numbers. There is deliberately no DELETE of the direct line: it can only be replaced (seed 001), and the
 * primary number can only be dropped after another is made primary (seed 004).
 */
@Path("/api/v1/users/{userId}")
@Authenticated
public class UserLineResource {

    public record NumberRequest(@NotBlank String number) {
    }

    private final LineService lines;
    private final CallerContext caller;

    public UserLineResource(LineService lines, CallerContext caller) {
        this.lines = lines;
        this.caller = caller;
    }

    @GET
    @Path("/numbers")
    @Operation(summary = "The user's direct line (primary number) and secondary numbers")
    public LineService.Lines numbers(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return lines.lines(caller.networkId(), userId);
    }

    @PUT
    @Path("/direct-line")
    @Operation(summary = "Assign or replace the direct line; the replaced number goes to the reserve list; publishes directline.assigned")
    public LineService.Lines directLine(@PathParam("userId") UUID userId, @NotNull @Valid NumberRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return lines.assignDirectLine(caller.networkId(), userId, request.number(), caller.actor());
    }

    @POST
    @Path("/numbers")
    @Operation(summary = "Give the user another number (secondary; their direct line if they have none)")
    public LineService.Lines addNumber(@PathParam("userId") UUID userId, @NotNull @Valid NumberRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return lines.addNumber(caller.networkId(), userId, request.number(), caller.actor());
    }

    @DELETE
    @Path("/numbers/{number}")
    @Operation(summary = "Remove a secondary number to the reserve list (the primary cannot be removed: 409)")
    public LineService.Lines removeNumber(@PathParam("userId") UUID userId, @PathParam("number") String number) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return lines.removeNumber(caller.networkId(), userId, number, caller.actor());
    }

    @POST
    @Path("/numbers/{number}/make-primary")
    @Operation(summary = "Swap: this secondary number becomes the direct line; the old one stays as a secondary; publishes primary.changed")
    public LineService.Lines makePrimary(@PathParam("userId") UUID userId, @PathParam("number") String number) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return lines.makePrimary(caller.networkId(), userId, number, caller.actor());
    }
}
