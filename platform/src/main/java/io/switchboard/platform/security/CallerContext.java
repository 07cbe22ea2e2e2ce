package io.switchboard.platform.security;

import io.switchboard.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.UUID;

/**
 * Who is calling: the verified bearer token issued by directory-service. Every query a resource runs is scoped to
 * {@link #networkId()}, so another network's data simply does not exist for the caller (404).
 */
@RequestScoped
public class CallerContext {

    /** Claim that carries the caller's network id. */
    public static final String NETWORK_CLAIM = "nid";

    private final JsonWebToken token;

    public CallerContext(JsonWebToken token) {
        this.token = token;
    }

    public UUID networkId() {
        Object claim = token.getClaim(NETWORK_CLAIM);
        if (claim == null) {
            throw ProblemException.unauthorized("The token carries no network; sign in again");
        }
        return UUID.fromString(claim.toString().replace("\"", ""));
    }

    public UUID userId() {
        return UUID.fromString(token.getSubject());
    }

    /** The actor recorded on events and audit entries. */
    public String actor() {
        return "user:" + token.getSubject();
    }

    public boolean has(Permission permission) {
        return token.getGroups() != null && token.getGroups().contains(permission.code());
    }

    /** Passes if the caller holds any of the permissions; otherwise a 403 naming them. */
    public void require(Permission... anyOf) {
        for (Permission p : anyOf) {
            if (has(p)) {
                return;
            }
        }
        String names = String.join("\" or \"", Arrays.stream(anyOf).map(Permission::label).toList());
        throw ProblemException.forbidden("This requires the permission \"" + names + "\"; ask a network admin to add it to one of your roles");
    }
}
