package io.switchboard.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "switchboard.directory")
public interface DirectoryConfig {

    /** PEM (PKCS#8) RSA private key that signs tokens: a file path or a classpath resource. */
    Optional<String> privateKeyLocation();

    String tokenIssuer();

    @WithDefault("PT8H")
    Duration tokenLifetime();

    /**
     * When set, bootstrapping a network requires this value in the {@code X-Bootstrap-Key} header (an operator
     * secret). Unset on the local stack so the walk-through works without one.
     */
    Optional<String> bootstrapKey();
}
