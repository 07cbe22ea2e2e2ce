package io.switchboard.directory.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.directory.domain.Tenant;
import io.switchboard.directory.service.TenantService;
import io.switchboard.platform.rest.Versions;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The network's ServiceTitan tenants. */
@Path("/api/v1/tenants")
@Authenticated
public class TenantResource {

    public record TenantRequest(@NotBlank @Size(max = 200) String name,
                                @NotNull @Positive(message = "must be the tenant's ServiceTitan id, a positive number") Long serviceTitanTenantId,
                                Long version) {
    }

    public record TenantRepresentation(UUID id, String name, long serviceTitanTenantId, long version, Instant createdAt,
                                       Instant updatedAt) {
        static TenantRepresentation of(Tenant t) {
            return new TenantRepresentation(t.id, t.name, t.serviceTitanTenantId, t.version, t.createdAt, t.updatedAt);
        }
    }

    private final TenantService tenants;
    private final CallerContext caller;

    public TenantResource(TenantService tenants, CallerContext caller) {
        this.tenants = tenants;
        this.caller = caller;
    }

    @GET
    public List<TenantRepresentation> list() {
        caller.require(Permission.MANAGE_TENANTS, Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return tenants.list(caller.networkId()).stream().map(TenantRepresentation::of).toList();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        caller.require(Permission.MANAGE_TENANTS, Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return withEtag(Response.ok(), tenants.get(caller.networkId(), id));
    }

    @POST
    @Operation(summary = "Register a ServiceTitan tenant (name and ServiceTitan tenant id, both unique in the network)")
    public Response create(@NotNull @Valid TenantRequest request) {
        caller.require(Permission.MANAGE_TENANTS);
        Tenant tenant = tenants.create(caller.networkId(), new TenantService.TenantDraft(request.name(),
                request.serviceTitanTenantId()), caller.actor());
        return withEtag(Response.created(URI.create("/api/v1/tenants/" + tenant.id)), tenant);
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid TenantRequest request) {
        caller.require(Permission.MANAGE_TENANTS);
        Tenant tenant = tenants.update(caller.networkId(), id, new TenantService.TenantDraft(request.name(),
                request.serviceTitanTenantId()), Versions.expected(ifMatch, request.version(), "Tenant"), caller.actor());
        return withEtag(Response.ok(), tenant);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a tenant no user is assigned to")
    public Response delete(@PathParam("id") UUID id) {
        caller.require(Permission.MANAGE_TENANTS);
        tenants.delete(caller.networkId(), id, caller.actor());
        return Response.noContent().build();
    }

    private static Response withEtag(Response.ResponseBuilder builder, Tenant tenant) {
        return builder.header("ETag", Versions.etag(tenant.version)).entity(TenantRepresentation.of(tenant)).build();
    }
}
