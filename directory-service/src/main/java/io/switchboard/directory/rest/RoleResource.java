package io.switchboard.directory.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.directory.domain.Role;
import io.switchboard.directory.service.RoleService;
import io.switchboard.platform.rest.Versions;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Roles, addressed by their key (e.g. {@code contact-center-agent}). */
@Path("/api/v1/roles")
@Authenticated
public class RoleResource {

    public record RoleRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description,
                              List<String> hubPermissions, List<String> serviceTitanPermissions, Long version) {
    }

    public record RoleRepresentation(UUID id, String key, String name, String description, boolean builtIn,
                                     List<String> hubPermissions, List<String> serviceTitanPermissions, long version) {
        static RoleRepresentation of(Role r) {
            return new RoleRepresentation(r.id, r.key, r.name, r.description, r.builtIn, Arrays.asList(r.hubPermissions),
                    Arrays.asList(r.serviceTitanPermissions), r.version);
        }
    }

    private final RoleService roles;
    private final CallerContext caller;

    public RoleResource(RoleService roles, CallerContext caller) {
        this.roles = roles;
        this.caller = caller;
    }

    @GET
    public List<RoleRepresentation> list() {
        caller.require(Permission.MANAGE_ROLES, Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return roles.list(caller.networkId()).stream().map(RoleRepresentation::of).toList();
    }

    @GET
    @Path("/{key}")
    public Response get(@PathParam("key") String key) {
        caller.require(Permission.MANAGE_ROLES, Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return withEtag(Response.ok(), roles.get(caller.networkId(), key));
    }

    @POST
    @Operation(summary = "Create a custom role; its key is derived from the name")
    public Response create(@NotNull @Valid RoleRequest request) {
        caller.require(Permission.MANAGE_ROLES);
        Role role = roles.create(caller.networkId(), draft(request), caller.actor());
        return withEtag(Response.created(URI.create("/api/v1/roles/" + role.key)), role);
    }

    @PUT
    @Path("/{key}")
    @Operation(summary = "Change a custom role (built-in roles are read-only); publishes role.updated; holders' next tokens carry the change")
    public Response update(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid RoleRequest request) {
        caller.require(Permission.MANAGE_ROLES);
        Role role = roles.update(caller.networkId(), key, draft(request),
                Versions.expected(ifMatch, request.version(), "Role"), caller.actor());
        return withEtag(Response.ok(), role);
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("key") String key) {
        caller.require(Permission.MANAGE_ROLES);
        roles.delete(caller.networkId(), key, caller.actor());
        return Response.noContent().build();
    }

    private static RoleService.RoleDraft draft(RoleRequest r) {
        return new RoleService.RoleDraft(r.name(), r.description(), r.hubPermissions(), r.serviceTitanPermissions());
    }

    private static Response withEtag(Response.ResponseBuilder builder, Role role) {
        return builder.header("ETag", Versions.etag(role.version)).entity(RoleRepresentation.of(role)).build();
    }
}
