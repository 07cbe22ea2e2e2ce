package io.switchboard.directory.service;

import io.smallrye.jwt.build.Jwt;
import io.switchboard.directory.config.DirectoryConfig;
import io.switchboard.directory.domain.Role;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Sign-in: checks the password and issues the RS256 bearer token every service verifies. */
@ApplicationScoped
public class TokenService {

    /** Claim: assigned tenant id → ServiceTitan permission codes the user holds in that tenant. */
    public static final String TENANT_PERMISSIONS_CLAIM = "tenant_permissions";

    public record IssuedToken(String accessToken, long expiresIn, UUID userId, UUID networkId) {
    }

    private final PasswordHasher hasher;
    private final SigningKeys keys;
    private final DirectoryConfig config;

    public TokenService(PasswordHasher hasher, SigningKeys keys, DirectoryConfig config) {
        this.hasher = hasher;
        this.keys = keys;
        this.config = config;
    }

    /**
     * Checks email and password. Consecutive failures lock the account for a while; the counters are committed even
     * though the request fails, hence {@code dontRollbackOn}.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedToken signIn(String email, String password, UUID networkId) {
        List<User> candidates = networkId == null
                ? User.list("lower(email) = lower(?1)", email)
                : User.<User>findByEmail(networkId, email).map(List::of).orElse(List.of());
        if (candidates.size() > 1) {
            throw ProblemException.invalidField("networkId",
                    "this email belongs to users in several networks; say which network to sign in to");
        }
        Optional<User> found = candidates.stream().findFirst();
        if (found.isEmpty()) {
            hasher.burn(password);
            throw wrongCredentials();
        }
        User user = found.get();
        Instant now = Instant.now();
        if (user.lockedUntil != null && now.isBefore(user.lockedUntil)) {
            hasher.burn(password);
            throw locked(user);
        }
        if (!hasher.matches(password, user.passwordHash)) {
            user.failedSignIns++;
            if (user.failedSignIns >= config.signIn().maxFailures()) {
                user.failedSignIns = 0;
                user.lockedUntil = now.plus(config.signIn().lockout());
                throw locked(user);
            }
            throw wrongCredentials();
        }
        user.failedSignIns = 0;
        user.lockedUntil = null;
        if (user.status != UserStatus.ACTIVE) {
            throw wrongCredentials();
        }
        return issueFor(user);
    }

    /** A token for a user whose identity was proven elsewhere (SSO); they must be active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedToken issueFor(User user) {
        if (user.status != UserStatus.ACTIVE) {
            throw wrongCredentials();
        }
        return new IssuedToken(issue(user), config.tokenLifetime().toSeconds(), user.id, user.networkId);
    }

    /**
     * Hub permissions ({@code groups}) are the union over the user's roles. ServiceTitan permissions are given per
     * assigned tenant, from the roles not switched off for that tenant.
     */
    String issue(User user) {
        List<Role> roles = Role.findByKeys(user.networkId, user.roles);
        Set<String> hub = new TreeSet<>();
        roles.forEach(r -> hub.addAll(Arrays.asList(r.hubPermissions)));
        Map<String, List<String>> perTenant = new TreeMap<>();
        for (UUID tenantId : user.tenantIds) {
            Set<String> codes = new TreeSet<>();
            roles.stream().filter(r -> user.isRoleEnabledFor(r.key, tenantId))
                    .forEach(r -> codes.addAll(Arrays.asList(r.serviceTitanPermissions)));
            perTenant.put(tenantId.toString(), List.copyOf(codes));
        }
        return Jwt.issuer(config.tokenIssuer())
                .subject(user.id.toString())
                .upn(user.email)
                .claim(CallerContext.NETWORK_CLAIM, user.networkId.toString())
                .claim("name", user.fullName())
                .claim(TENANT_PERMISSIONS_CLAIM, perTenant)
                .groups(hub)
                .expiresIn(config.tokenLifetime())
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("The email or password is wrong, or the account is not active");
    }

    private static ProblemException locked(User user) {
        return ProblemException.tooManyRequests("Too many wrong passwords: this account is locked until "
                + user.lockedUntil + "; try again then");
    }
}
