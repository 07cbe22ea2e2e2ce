package io.switchboard.directory.rest;

import io.switchboard.directory.service.SigningKeys;
import io.switchboard.directory.service.SsoService;
import io.switchboard.directory.service.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/auth")
@PermitAll
public class AuthResource {

    public record TokenRequest(@NotBlank @Email String email, @NotBlank String password, UUID networkId) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID userId, UUID networkId) {
    }

    private final TokenService tokens;
    private final SigningKeys keys;
    private final SsoService sso;

    public AuthResource(TokenService tokens, SigningKeys keys, SsoService sso) {
        this.tokens = tokens;
        this.keys = keys;
        this.sso = sso;
    }

    @POST
    @Path("/token")
    @Operation(summary = "Sign in with email and password; returns a bearer token (RS256 JWT) accepted by every service")
    public TokenResponse token(@NotNull @Valid TokenRequest request) {
        TokenService.IssuedToken t = tokens.signIn(request.email(), request.password(), request.networkId());
        return new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.userId(), t.networkId());
    }

    public record SsoTokenRequest(@NotBlank String idToken) {
    }

    @POST
    @Path("/sso")
    @Operation(summary = "Exchange an ID token from the network's registered OIDC issuer for a Switchboard token")
    public TokenResponse sso(@NotNull @Valid SsoTokenRequest request) {
        TokenService.IssuedToken t = sso.exchange(request.idToken());
        return new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.userId(), t.networkId());
    }

    @GET
    @Path("/jwks")
    @Operation(summary = "The public keys that verify Switchboard tokens (JWK Set)")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
