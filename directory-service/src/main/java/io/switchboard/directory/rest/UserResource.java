package io.switchboard.directory.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.directory.service.UserService;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/users")
@Authenticated
public class UserResource {

    public record CreateUserRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "^\\+?[0-9 ()\\-.]{7,20}$", message = "must be a phone number such as +1 619 555 0100") String phone,
            @NotNull(message = "give at least one role") @Size(min = 1, message = "give at least one role") List<String> roles) {
    }

    private final UserService users;
    private final CallerContext caller;

    public UserResource(UserService users, CallerContext caller) {
        this.users = users;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a user (status invited); publishes user.created")
    public Response create(@NotNull @Valid CreateUserRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        var user = users.create(caller.networkId(), new UserService.NewUser(request.firstName(), request.lastName(),
                request.email(), request.phone(), request.roles()), caller.actor());
        return Response.created(URI.create("/api/v1/users/" + user.id)).entity(UserRepresentation.of(user)).build();
    }

    @GET
    @Path("/{id}")
    public UserRepresentation get(@PathParam("id") UUID id) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return UserRepresentation.of(users.get(caller.networkId(), id));
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Deactivate a user; publishes user.deactivated, which tears down seat, lines, voicemail and queues")
    public UserRepresentation deactivate(@PathParam("id") UUID id) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return UserRepresentation.of(users.deactivate(caller.networkId(), id, caller.userId(), caller.actor()));
    }
}
