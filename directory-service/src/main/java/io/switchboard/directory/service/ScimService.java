package io.switchboard.directory.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.directory.domain.BuiltInRole;
import io.switchboard.directory.domain.ScimCredential;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM 2.0 provisioning (RFC 7643/7644) of a network's users by its identity provider. Every change goes through
 * {@link UserService}, so it is validated and published exactly like an admin's; {@code active=false} deactivates with
 * the full teardown.
 */
@ApplicationScoped
public class ScimService {

    /** What a SCIM User resource can set. Null means "not given". */
    public record ScimUser(String userName, String givenName, String familyName, String email, String phone,
                           Boolean active, String externalId) {
    }

    public record Listed(List<User> users, long total) {
    }

    /** Provisioned users get the agent role; admins hand out more in the hub. */
    static final String DEFAULT_ROLE = BuiltInRole.CONTACT_CENTER_AGENT.code();
    private static final String ACTOR = "scim";
    private static final Pattern FILTER = Pattern.compile("^\\s*(userName|externalId|emails\\.value)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserService users;

    public ScimService(UserService users) {
        this.users = users;
    }

    /** Issues the network's SCIM secret, replacing the previous one; only its hash is kept, so it is shown once. */
    @Transactional
    public String issueSecret(UUID networkId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ScimCredential credential = ScimCredential.<ScimCredential>findByIdOptional(networkId).orElseGet(ScimCredential::new);
        credential.networkId = networkId;
        credential.secretHash = InvitationService.sha256(secret);
        credential.createdAt = Instant.now();
        credential.persist();
        return secret;
    }

    @Transactional
    public Optional<UUID> networkOf(String secret) {
        return ScimCredential.<ScimCredential>find("secretHash", InvitationService.sha256(secret))
                .firstResultOptional().map(c -> c.networkId);
    }

    @Transactional
    public User create(UUID networkId, ScimUser in) {
        String email = emailOf(in);
        require(in.givenName(), "name.givenName");
        require(in.familyName(), "name.familyName");
        if (in.externalId() != null) {
            User.<User>find("networkId = ?1 and externalId = ?2", networkId, in.externalId()).firstResultOptional()
                    .ifPresent(u -> {
                        throw ProblemException.conflict("externalId " + in.externalId() + " is already user " + u.id);
                    });
        }
        return users.createProvisioned(networkId, new UserService.NewUser(in.givenName(), in.familyName(), email,
                in.phone(), List.of(DEFAULT_ROLE), List.of()), in.active() == null || in.active(), in.externalId(), ACTOR);
    }

    @Transactional
    public User get(UUID networkId, UUID id) {
        return users.get(networkId, id);
    }

    /** {@code filter} supports {@code userName eq "…"}, {@code externalId eq "…"} and {@code emails.value eq "…"}. */
    @Transactional
    public Listed list(UUID networkId, String filter, int startIndex, int count) {
        String where = "networkId = ?1";
        Object value = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) {
                throw new ProblemException(400, "invalidFilter", "Unsupported filter",
                        "Supported filters: userName eq \"…\", externalId eq \"…\", emails.value eq \"…\"", List.of());
            }
            value = m.group(2).replace("\\\"", "\"");
            where += m.group(1).equalsIgnoreCase("externalId") ? " and externalId = ?2" : " and lower(email) = lower(?2)";
        }
        Object[] params = value == null ? new Object[]{networkId} : new Object[]{networkId, value};
        long total = User.count(where, params);
        List<User> page = count == 0 ? List.of() : User.<User>find(where + " order by createdAt, id", params)
                .range(startIndex - 1, startIndex - 1 + count - 1).list();
        return new Listed(page, total);
    }

    /** PUT: the resource as given replaces what SCIM manages (name, userName/email, phone, active, externalId). */
    @Transactional
    public User replace(UUID networkId, UUID id, ScimUser in) {
        require(in.givenName(), "name.givenName");
        require(in.familyName(), "name.familyName");
        User user = users.get(networkId, id);
        applyProfile(user, new ScimUser(in.userName(), in.givenName(), in.familyName(), emailOf(in),
                in.phone() == null ? "" : in.phone(), in.active(), in.externalId()));
        return applyActive(user, in.active() == null || in.active());
    }

    /** PATCH: only the attributes the operations touch. */
    @Transactional
    public User patch(UUID networkId, UUID id, ScimUser in) {
        User user = users.get(networkId, id);
        applyProfile(user, in);
        return in.active() == null ? user : applyActive(user, in.active());
    }

    @Transactional
    public void deactivate(UUID networkId, UUID id) {
        users.deactivate(networkId, id, null, ACTOR);
    }

    private void applyProfile(User user, ScimUser in) {
        if (in.externalId() != null) {
            user.externalId = in.externalId().isBlank() ? null : in.externalId();
        }
        String email = in.email() != null ? in.email() : in.userName();
        boolean changes = (email != null && !email.equals(user.email))
                || (in.givenName() != null && !in.givenName().equals(user.firstName))
                || (in.familyName() != null && !in.familyName().equals(user.lastName))
                || (in.phone() != null && !in.phone().equals(user.phone == null ? "" : user.phone));
        if (changes) {
            users.updateProfile(user.networkId, user.id, new UserService.ProfileChange(in.givenName(), in.familyName(),
                    email, in.phone()), new Versions.Expected(user.version, false, "User"), ACTOR);
        }
    }

    private User applyActive(User user, boolean active) {
        if (!active && user.status != UserStatus.DEACTIVATED) {
            return users.deactivate(user.networkId, user.id, null, ACTOR);
        }
        if (active && user.status == UserStatus.DEACTIVATED) {
            return users.reactivate(user.networkId, user.id, ACTOR);
        }
        return user;
    }

    private static String emailOf(ScimUser in) {
        String email = in.email() != null ? in.email() : in.userName();
        if (email == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw ProblemException.invalidField("userName", "must be the user's email address (it is their hub sign-in)");
        }
        return email.trim();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required");
        }
    }

    /** Entra sends booleans as "True"/"False" strings; accept both forms. */
    public static Boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw ProblemException.invalidField(field, "must be true or false");
    }
}
