package io.switchboard.directory.rest;

import io.switchboard.directory.config.DirectoryConfig;
import io.switchboard.directory.service.NetworkService;
import io.switchboard.directory.service.UserService;
import io.switchboard.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

@Path("/api/v1/networks")
@PermitAll
public class NetworkResource {

    public record AdminRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {
    }

    public record BootstrapRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid AdminRequest admin) {
    }

    public record BootstrapResponse(UUID id, String name, UserRepresentation admin) {
    }

    private final NetworkService networks;
    private final DirectoryConfig config;

    public NetworkResource(NetworkService networks, DirectoryConfig config) {
        this.networks = networks;
        this.config = config;
    }

    @POST
    @Operation(summary = "Bootstrap a network (one customer) with its first network admin, who can sign in at once")
    public Response bootstrap(@HeaderParam("X-Bootstrap-Key") String bootstrapKey, @NotNull @Valid BootstrapRequest request) {
        config.bootstrapKey().ifPresent(expected -> {
            if (bootstrapKey == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    bootstrapKey.getBytes(StandardCharsets.UTF_8))) {
                throw ProblemException.forbidden("Creating a network needs the operator's key in the X-Bootstrap-Key header");
            }
        });
        AdminRequest a = request.admin();
        NetworkService.Bootstrapped created = networks.bootstrap(request.name(),
                new UserService.NewUser(a.firstName(), a.lastName(), a.email(), null, null, null), a.password());
        return Response.created(URI.create("/api/v1/networks/" + created.network().id))
                .entity(new BootstrapResponse(created.network().id, created.network().name,
                        UserRepresentation.of(created.admin())))
                .build();
    }
}
