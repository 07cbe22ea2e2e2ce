package io.switchboard.directory.service;

import io.smallrye.jwt.util.KeyUtils;
import io.switchboard.directory.config.DirectoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/** The RSA key pair that signs tokens, and its public half as a JWK for every other service. */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final java.util.List<RSAPublicKey> retired;

    public SigningKeys(DirectoryConfig config) {
        try {
            if (config.privateKeyLocation().isPresent()) {
                privateKey = KeyUtils.decodePrivateKey(read(config.privateKeyLocation().get()));
                RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
                publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            } else {
                LOG.warn("switchboard.directory.private-key-location is not set: signing with a key generated at start");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                privateKey = pair.getPrivate();
                publicKey = (RSAPublicKey) pair.getPublic();
            }
            keyId = thumbprint(publicKey);
            retired = new java.util.ArrayList<>();
            for (String location : config.retiredPublicKeyLocations().orElse(java.util.List.of())) {
                retired.add((RSAPublicKey) KeyUtils.decodePublicKey(read(location)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the token signing key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The signing key first, then the retired keys that still verify tokens issued before the last rotation. */
    public Map<String, Object> jwks() {
        java.util.List<Map<String, Object>> keys = new java.util.ArrayList<>();
        keys.add(jwk(publicKey));
        retired.forEach(key -> keys.add(jwk(key)));
        return Map.of("keys", keys);
    }

    private static Map<String, Object> jwk(RSAPublicKey key) {
        try {
            return Map.of(
                    "kty", "RSA",
                    "use", "sig",
                    "alg", "RS256",
                    "kid", thumbprint(key),
                    "n", b64url(key.getModulus()),
                    "e", b64url(key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638 thumbprint: a stable key id derived from the key itself. */
    private static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + b64url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64url(key.getModulus()) + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String b64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String read(String location) {
        try {
            Path path = Path.of(location);
            if (Files.exists(path)) {
                return Files.readString(path);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IllegalStateException("no private key at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
