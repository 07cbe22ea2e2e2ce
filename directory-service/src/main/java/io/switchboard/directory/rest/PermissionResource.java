package io.switchboard.directory.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.directory.domain.ServiceTitanPermission;
import io.switchboard.platform.security.Permission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.List;

/** The permission catalog roles are built from (seed 002's two kinds). */
@Path("/api/v1/permissions")
@Authenticated
public class PermissionResource {

    public record PermissionRepresentation(String code, String name, String description) {
    }

    public record Catalog(List<PermissionRepresentation> hub, List<PermissionRepresentation> serviceTitan) {
    }

    @GET
    @Operation(summary = "Hub permissions (across the hub) and ServiceTitan permissions (granted per assigned tenant)")
    public Catalog catalog() {
        return new Catalog(
                Arrays.stream(Permission.values()).map(p -> new PermissionRepresentation(p.code(), p.label(), p.description())).toList(),
                Arrays.stream(ServiceTitanPermission.values())
                        .map(p -> new PermissionRepresentation(p.code(), p.label(), p.description())).toList());
    }
}
