package io.switchboard.directory.service;

import io.switchboard.directory.domain.SsoIssuer;
import io.switchboard.directory.domain.User;
import io.switchboard.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single sign-on: a network registers its OIDC issuer; an ID token from that issuer, with a valid signature, signs in
 * the active user of that network whose email it carries, and is exchanged for a Switchboard token.
 */
@ApplicationScoped
public class SsoService {

    public record IssuerDraft(String issuer, String jwksUri, String jwks, String audience) {
    }

    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    /** Remote key sets are fetched once per URI and refreshed by jose4j when a token names an unknown key. */
    private final Map<String, HttpsJwks> remoteKeySets = new ConcurrentHashMap<>();
    private final TokenService tokens;

    public SsoService(TokenService tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public Optional<SsoIssuer> get(UUID networkId) {
        return SsoIssuer.findByIdOptional(networkId);
    }

    @Transactional
    public SsoIssuer register(UUID networkId, IssuerDraft draft) {
        boolean hasUri = draft.jwksUri() != null && !draft.jwksUri().isBlank();
        boolean hasKeys = draft.jwks() != null && !draft.jwks().isBlank();
        if (hasUri == hasKeys) {
            throw ProblemException.invalidField("jwksUri", "give either jwksUri (where the issuer publishes its keys) or jwks (the key set itself), not both");
        }
        if (hasUri) {
            URI uri;
            try {
                uri = URI.create(draft.jwksUri().trim());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ProblemException.invalidField("jwksUri", "must be an http(s) URL such as https://login.example.com/keys");
            }
        } else {
            int keys;
            try {
                keys = new JsonWebKeySet(draft.jwks()).getJsonWebKeys().size();
            } catch (JoseException | RuntimeException e) {
                // jose4j reports a wrongly typed member (e.g. "keys": 5) as a ClassCastException.
                throw ProblemException.invalidField("jwks", "is not a JSON Web Key Set ({\"keys\": [ … ]})");
            }
            if (keys == 0) {
                throw ProblemException.invalidField("jwks", "the key set holds no keys");
            }
        }
        String issuer = draft.issuer().trim();
        SsoIssuer.<SsoIssuer>find("issuer = ?1 and networkId <> ?2", issuer, networkId).firstResultOptional().ifPresent(other -> {
            throw ProblemException.conflict("The issuer " + issuer + " is already registered by another network");
        });
        SsoIssuer entry = SsoIssuer.<SsoIssuer>findByIdOptional(networkId).orElseGet(() -> {
            SsoIssuer created = new SsoIssuer();
            created.networkId = networkId;
            created.createdAt = Instant.now();
            return created;
        });
        entry.issuer = issuer;
        entry.jwksUri = hasUri ? draft.jwksUri().trim() : null;
        entry.jwks = hasKeys ? draft.jwks() : null;
        entry.audience = draft.audience() == null || draft.audience().isBlank() ? null : draft.audience().trim();
        entry.updatedAt = Instant.now();
        entry.persist();
        return entry;
    }

    @Transactional
    public void remove(UUID networkId) {
        SsoIssuer.deleteById(networkId);
    }

    /** Verifies the ID token against its issuer's keys and signs in the user its email names. */
    @Transactional
    public TokenService.IssuedToken exchange(String idToken) {
        String issuer;
        try {
            issuer = UNVERIFIED.processToClaims(idToken).getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw rejected("it is not a JWT");
        }
        SsoIssuer registered = SsoIssuer.<SsoIssuer>find("issuer", issuer == null ? "" : issuer).firstResultOptional()
                .orElseThrow(() -> rejected("no network trusts its issuer"));
        JwtClaims claims;
        try {
            JwtConsumerBuilder builder = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setAllowedClockSkewInSeconds(60)
                    .setExpectedIssuer(registered.issuer)
                    .setVerificationKeyResolver(resolverFor(registered))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            if (registered.audience != null) {
                builder.setExpectedAudience(registered.audience);
            } else {
                builder.setSkipDefaultAudienceValidation();
            }
            claims = builder.build().processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw rejected(e.hasExpired() ? "it has expired" : "its signature, audience or lifetime is not valid");
        } catch (JoseException e) {
            throw rejected("the issuer's keys could not be read");
        }
        String email = stringClaim(claims, "email").or(() -> stringClaim(claims, "preferred_username"))
                .or(() -> stringClaim(claims, "upn"))
                .orElseThrow(() -> rejected("it carries no email"));
        User user = User.findByEmail(registered.networkId, email)
                .orElseThrow(() -> rejected("no user of the network has the email " + email));
        return tokens.issueFor(user);
    }

    private VerificationKeyResolver resolverFor(SsoIssuer registered) throws JoseException {
        if (registered.jwks != null) {
            return new JwksVerificationKeyResolver(new JsonWebKeySet(registered.jwks).getJsonWebKeys());
        }
        return new HttpsJwksVerificationKeyResolver(remoteKeySets.computeIfAbsent(registered.jwksUri, HttpsJwks::new));
    }

    private static Optional<String> stringClaim(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static ProblemException rejected(String why) {
        return ProblemException.unauthorized("The identity provider's token was refused: " + why);
    }
}
