package io.switchboard.directory.service;

import io.smallrye.jwt.build.Jwt;
import io.switchboard.directory.config.DirectoryConfig;
import io.switchboard.directory.domain.BuiltInRole;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Sign-in: checks the password and issues the RS256 bearer token every service verifies. */
@ApplicationScoped
public class TokenService {

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

    @Transactional
    public IssuedToken signIn(String email, String password, UUID networkId) {
        List<User> candidates = networkId == null
                ? User.list("lower(email) = lower(?1)", email)
                : User.<User>findByEmail(networkId, email).map(List::of).orElse(List.of());
        if (candidates.size() > 1) {
            throw ProblemException.invalidField("networkId",
                    "this email belongs to users in several networks; say which network to sign in to");
        }
        Optional<User> user = candidates.stream().findFirst();
        if (user.isEmpty()) {
            hasher.burn(password);
            throw wrongCredentials();
        }
        User u = user.get();
        if (u.status != UserStatus.ACTIVE || !hasher.matches(password, u.passwordHash)) {
            throw wrongCredentials();
        }
        return new IssuedToken(issue(u), config.tokenLifetime().toSeconds(), u.id, u.networkId);
    }

    String issue(User user) {
        return Jwt.issuer(config.tokenIssuer())
                .subject(user.id.toString())
                .upn(user.email)
                .claim(CallerContext.NETWORK_CLAIM, user.networkId.toString())
                .claim("name", user.fullName())
                .groups(permissionsOf(user.roles))
                .expiresIn(config.tokenLifetime())
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
    }

    static Set<String> permissionsOf(Set<String> roles) {
        Set<String> codes = new TreeSet<>();
        roles.forEach(r -> BuiltInRole.byCode(r).ifPresent(role -> role.permissions().stream()
                .map(Permission::code).forEach(codes::add)));
        return codes;
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("The email or password is wrong, or the account is not active");
    }
}
