package io.switchboard.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.switchboard.directory.config.DirectoryConfig;
import io.switchboard.directory.service.SigningKeys;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotation: the new key signs, the old public key stays in the JWKS, and a token signed before the rotation still
 * verifies against the JWKS every service fetches. Dropping the old key later is what finally invalidates it.
 */
class SigningKeyRotationTest {

    @TempDir
    Path dir;

    @Test
    void tokensSignedBeforeARotationStillVerifyAgainstTheJwksAndNewTokensUseTheNewKey() throws Exception {
        Path oldKey = writeKeyPair("old");
        Path newKey = writeKeyPair("new");

        SigningKeys before = new SigningKeys(config(oldKey.resolve("private.pem"), List.of()));
        String oldToken = sign(before);

        SigningKeys after = new SigningKeys(config(newKey.resolve("private.pem"), List.of(oldKey.resolve("public.pem").toString())));
        String newToken = sign(after);

        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        JwtConsumer verifier = verifierFor(after.jwks());
        assertThat(verifier.processToClaims(oldToken).getSubject()).isEqualTo("someone");
        assertThat(verifier.processToClaims(newToken).getSubject()).isEqualTo("someone");
        assertThat(headerKid(newToken)).isEqualTo(after.keyId());

        SigningKeys retiredDropped = new SigningKeys(config(newKey.resolve("private.pem"), List.of()));
        assertThatThrownBy(() -> verifierFor(retiredDropped.jwks()).processToClaims(oldToken))
                .isInstanceOf(InvalidJwtException.class);
    }

    private static String sign(SigningKeys keys) {
        return Jwt.issuer("https://switchboard.dev/directory").subject("someone").expiresIn(Duration.ofMinutes(5))
                .jws().keyId(keys.keyId()).sign(keys.privateKey());
    }

    private static JwtConsumer verifierFor(Map<String, Object> jwks) throws Exception {
        JsonWebKeySet set = new JsonWebKeySet(new ObjectMapper().writeValueAsString(jwks));
        return new JwtConsumerBuilder().setExpectedIssuer("https://switchboard.dev/directory")
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(set.getJsonWebKeys())).build();
    }

    private static String headerKid(String jwt) throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        return (String) new ObjectMapper().readValue(header, Map.class).get("kid");
    }

    private Path writeKeyPair(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(folder.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return folder;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static DirectoryConfig config(Path privateKey, List<String> retired) {
        return new DirectoryConfig() {
            public Optional<String> privateKeyLocation() {
                return Optional.of(privateKey.toString());
            }

            public Optional<List<String>> retiredPublicKeyLocations() {
                return Optional.of(retired);
            }

            public String tokenIssuer() {
                return "https://switchboard.dev/directory";
            }

            public Duration tokenLifetime() {
                return Duration.ofHours(8);
            }

            public Optional<String> bootstrapKey() {
                return Optional.empty();
            }

            public Invitations invitations() {
                throw new UnsupportedOperationException();
            }

            public SignIn signIn() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
