package io.switchboard.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "switchboard.directory")
public interface DirectoryConfig {

    /** PEM (PKCS#8) RSA private key that signs tokens: a file path or a classpath resource. */
    Optional<String> privateKeyLocation();

    /**
     * Public keys (PEM) of signing keys that were rotated out. They stay in the JWKS until the tokens they signed have
     * expired, so rotating the signing key does not sign anyone out.
     */
    Optional<List<String>> retiredPublicKeyLocations();

    String tokenIssuer();

    @WithDefault("PT8H")
    Duration tokenLifetime();

    /**
     * When set, bootstrapping a network requires this value in the {@code X-Bootstrap-Key} header (an operator
     * secret). Unset on the local stack so the walk-through works without one.
     */
    Optional<String> bootstrapKey();

    Invitations invitations();

    SignIn signIn();

    interface Invitations {
        /** How long an invitation link stays valid. */
        @WithDefault("P3D")
        Duration lifetime();

        /** The page that accepts an invitation; the token is appended as {@code ?token=}. */
        @WithDefault("http://localhost:8081/accept-invitation")
        String acceptUrl();

        @WithDefault("Switchboard <noreply@switchboard.dev>")
        String from();
    }

    interface SignIn {
        /** Consecutive wrong passwords that lock the account. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked account stays locked. */
        @WithDefault("PT15M")
        Duration lockout();

        /** Bcrypt cost factor for new password hashes. */
        @WithDefault("12")
        int bcryptCost();
    }
}
