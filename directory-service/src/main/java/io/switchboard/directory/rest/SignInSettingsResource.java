package io.switchboard.directory.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.directory.domain.SsoIssuer;
import io.switchboard.directory.service.ScimService;
import io.switchboard.directory.service.SsoService;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How a network's people sign in and are provisioned: its SSO issuer and its SCIM secret. */
@Path("/api/v1")
@Authenticated
public class SignInSettingsResource {

    public record SsoRequest(@NotBlank @Size(max = 500) String issuer, @Size(max = 1000) String jwksUri,
                             @Size(max = 20000) String jwks, @Size(max = 500) String audience) {
    }

    public record SsoRepresentation(String issuer, String jwksUri, boolean inlineKeys, String audience) {
        static SsoRepresentation of(SsoIssuer s) {
            return new SsoRepresentation(s.issuer, s.jwksUri, s.jwks != null, s.audience);
        }
    }

    public record ScimSecret(String secret, String baseUrl, String note) {
    }

    private final SsoService sso;
    private final ScimService scim;
    private final CallerContext caller;

    public SignInSettingsResource(SsoService sso, ScimService scim, CallerContext caller) {
        this.sso = sso;
        this.scim = scim;
        this.caller = caller;
    }

    @GET
    @Path("/sso")
    public SsoRepresentation getSso() {
        caller.require(Permission.MANAGE_SIGN_IN);
        return sso.get(caller.networkId()).map(SsoRepresentation::of)
                .orElseThrow(() -> new ProblemException(404, "not-found", "No SSO issuer",
                        "The network has no single sign-on issuer; PUT /api/v1/sso registers one", java.util.List.of()));
    }

    @PUT
    @Path("/sso")
    @Operation(summary = "Register the network's OIDC issuer (its keys by jwksUri or inline jwks); its ID tokens then sign users in")
    public SsoRepresentation putSso(@NotNull @Valid SsoRequest request) {
        caller.require(Permission.MANAGE_SIGN_IN);
        return SsoRepresentation.of(sso.register(caller.networkId(),
                new SsoService.IssuerDraft(request.issuer(), request.jwksUri(), request.jwks(), request.audience())));
    }

    @DELETE
    @Path("/sso")
    public Response deleteSso() {
        caller.require(Permission.MANAGE_SIGN_IN);
        sso.remove(caller.networkId());
        return Response.noContent().build();
    }

    @POST
    @Path("/scim/secret")
    @Operation(summary = "Issue the network's SCIM bearer secret (replaces the previous one; shown only now)")
    public ScimSecret issueScimSecret() {
        caller.require(Permission.MANAGE_SIGN_IN);
        return new ScimSecret(scim.issueSecret(caller.networkId()), "/scim/v2",
                "Store it in your identity provider now; Switchboard keeps only its hash");
    }
}
