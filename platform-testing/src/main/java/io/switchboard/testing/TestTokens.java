package io.switchboard.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Bearer tokens shaped like directory-service's, signed with the test key that services under test trust. */
public final class TestTokens {

    public static final String ISSUER = "https://switchboard.dev/directory";

    private static PrivateKey key;

    private TestTokens() {
    }

    public static String token(UUID networkId, UUID userId, Permission... permissions) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .upn(userId + "@test")
                .claim(CallerContext.NETWORK_CLAIM, networkId.toString())
                .groups(Arrays.stream(permissions).map(Permission::code).collect(Collectors.toSet()))
                .expiresIn(3600)
                .jws().keyId("test")
                .sign(privateKey());
    }

    /** An admin of a fresh network holding every permission. */
    public static String admin(UUID networkId) {
        return token(networkId, UUID.randomUUID(), Permission.values());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try (InputStream in = TestTokens.class.getResourceAsStream("/switchboard-test-keys/private.pem")) {
                key = KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }
}
