package io.switchboard.directory.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.directory.service.InvitationService;
import io.switchboard.directory.service.UserService;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Paging;
import io.switchboard.platform.rest.Versions;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/users")
@Authenticated
public class UserResource {

    static final String PHONE = "^\\+?[0-9 ()\\-.]{7,20}$";
    static final String PHONE_MESSAGE = "must be a phone number such as +1 619 555 0100";

    public record CreateUserRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @NotNull(message = "give at least one role") @Size(min = 1, message = "give at least one role") List<String> roles,
            List<UUID> tenantIds) {
    }

    /** Only the fields given change; {@code phone: ""} removes the phone. */
    public record UpdateUserRequest(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Email @Size(min = 3, max = 254) String email,
            @Pattern(regexp = "^$|" + PHONE, message = PHONE_MESSAGE) String phone,
            Long version) {
    }

    public record RoleGrantRequest(@NotBlank String role, List<UUID> disabledTenantIds) {
    }

    public record SetRolesRequest(@NotNull @Size(min = 1, message = "give at least one role") List<@NotNull @Valid RoleGrantRequest> roles,
                                  Long version) {
    }

    public record SetTenantsRequest(@NotNull List<@NotNull UUID> tenantIds, Long version) {
    }

    public record UserPage(List<UserRepresentation> items, String nextCursor) {
    }

    private final UserService users;
    private final InvitationService invitations;
    private final CallerContext caller;

    public UserResource(UserService users, InvitationService invitations, CallerContext caller) {
        this.users = users;
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a user with roles and tenants (status invited) and e-mail their invitation; publishes user.created")
    public Response create(@NotNull @Valid CreateUserRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        var user = users.create(caller.networkId(), new UserService.NewUser(request.firstName(), request.lastName(),
                request.email(), request.phone(), request.roles(), request.tenantIds()), caller.actor());
        return withEtag(Response.created(URI.create("/api/v1/users/" + user.id)), UserRepresentation.of(user));
    }

    @GET
    @Operation(summary = "List users in name order: search (name, email; partial, any case), filters role, tenant, status; cursor paging")
    public UserPage list(@QueryParam("search") String search, @QueryParam("role") String role,
                         @QueryParam("tenant") String tenant, @QueryParam("status") String status,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        if (search != null && search.length() > 200) {
            throw ProblemException.invalidField("search", "must be at most 200 characters");
        }
        var page = users.list(caller.networkId(), new UserService.ListQuery(search, blankToNull(role),
                tenantParam(tenant), statusParam(status), Paging.limit(limit), cursor));
        return new UserPage(page.users().stream().map(UserRepresentation::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A user; the ETag header carries the version that updates must send back in If-Match")
    public Response get(@PathParam("id") UUID id) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return withEtag(Response.ok(), UserRepresentation.of(users.get(caller.networkId(), id)));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change name, email or phone (If-Match or version required); publishes user.updated, with previousEmail when the email changed")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid UpdateUserRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        var user = users.updateProfile(caller.networkId(), id, new UserService.ProfileChange(request.firstName(),
                request.lastName(), request.email(), request.phone()),
                Versions.expected(ifMatch, request.version(), "User"), caller.actor());
        return withEtag(Response.ok(), UserRepresentation.of(user));
    }

    @PUT
    @Path("/{id}/roles")
    @Operation(summary = "Replace the user's roles and the tenants each is switched off for; publishes user.roles.changed")
    public Response setRoles(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid SetRolesRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        var user = users.setRoles(caller.networkId(), id, request.roles().stream()
                        .map(r -> new UserService.RoleGrant(r.role(), r.disabledTenantIds())).toList(),
                Versions.expected(ifMatch, request.version(), "User"), caller.actor());
        return withEtag(Response.ok(), UserRepresentation.of(user));
    }

    @PUT
    @Path("/{id}/tenants")
    @Operation(summary = "Replace the user's assigned tenants; publishes user.tenants.changed with the tenants added and removed")
    public Response setTenants(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid SetTenantsRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        var user = users.setTenants(caller.networkId(), id, request.tenantIds(),
                Versions.expected(ifMatch, request.version(), "User"), caller.actor());
        return withEtag(Response.ok(), UserRepresentation.of(user));
    }

    @POST
    @Path("/{id}/invitations")
    @Operation(summary = "Send or resend the invitation; the previous link stops working and inviteSentAt is updated")
    public UserRepresentation invite(@PathParam("id") UUID id) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return UserRepresentation.of(invitations.send(caller.networkId(), id, caller.actor()));
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Deactivate a user; publishes user.deactivated, which tears down seat, lines, voicemail and queues")
    public UserRepresentation deactivate(@PathParam("id") UUID id) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return UserRepresentation.of(users.deactivate(caller.networkId(), id, caller.userId(), caller.actor()));
    }

    @POST
    @Path("/{id}/reactivate")
    @Operation(summary = "Let a deactivated user sign in again; no seat, line, voicemail or queue comes back")
    public UserRepresentation reactivate(@PathParam("id") UUID id) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return UserRepresentation.of(users.reactivate(caller.networkId(), id, caller.actor()));
    }

    static Response withEtag(Response.ResponseBuilder builder, UserRepresentation user) {
        return builder.header("ETag", Versions.etag(user.version())).entity(user).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static UUID tenantParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("tenant", "must be a tenant id (UUID)");
        }
    }

    private static UserStatus statusParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UserStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of invited, active, deactivated");
        }
    }
}
