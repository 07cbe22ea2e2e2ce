package io.switchboard.directory.service;

import io.switchboard.directory.domain.BuiltInRole;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Users of a network; every change commits together with the event that announces it. */
@ApplicationScoped
public class UserService {

    public record NewUser(String firstName, String lastName, String email, String phone, List<String> roles) {
    }

    private final Outbox outbox;
    private final PasswordHasher hasher;

    public UserService(Outbox outbox, PasswordHasher hasher) {
        this.outbox = outbox;
        this.hasher = hasher;
    }

    /** Creates an invited user (they set a password by accepting the invitation). */
    @Transactional
    public User create(UUID networkId, NewUser request, String actor) {
        return insert(networkId, request, UserStatus.INVITED, null, actor);
    }

    /** Creates a network's first admin, active at once with the password given at bootstrap. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User createFirstAdmin(UUID networkId, NewUser request, String password, String actor) {
        return insert(networkId, request, UserStatus.ACTIVE, hasher.hash(password), actor);
    }

    @Transactional
    public User get(UUID networkId, UUID userId) {
        return User.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
    }

    /** Deactivates the user; deactivating an already deactivated user changes nothing and publishes nothing. */
    @Transactional
    public User deactivate(UUID networkId, UUID userId, UUID callerId, String actor) {
        User user = User.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        if (user.status == UserStatus.DEACTIVATED) {
            return user;
        }
        if (user.id.equals(callerId)) {
            throw ProblemException.conflict("You cannot deactivate yourself; ask another network admin");
        }
        user.status = UserStatus.DEACTIVATED;
        user.deactivatedAt = Instant.now();
        user.updatedAt = user.deactivatedAt;
        user.flush();
        outbox.publish(Topics.DIRECTORY_USERS, user.id.toString(), UserDeactivated.TYPE, networkId, actor,
                new UserDeactivated(user.id, networkId, user.email, user.version, user.deactivatedAt));
        return user;
    }

    private User insert(UUID networkId, NewUser request, UserStatus status, String passwordHash, String actor) {
        List<String> roles = validRoles(request.roles());
        User.findByEmail(networkId, request.email()).ifPresent(holder -> {
            throw ProblemException.conflict("The email " + request.email() + " is already used by " + holder.fullName()
                    + " (user " + holder.id + ") in this network");
        });
        User user = new User();
        user.id = UUID.randomUUID();
        user.networkId = networkId;
        user.email = request.email().trim();
        user.firstName = request.firstName().trim();
        user.lastName = request.lastName().trim();
        user.phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().trim();
        user.status = status;
        user.passwordHash = passwordHash;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        user.roles = new LinkedHashSet<>(roles);
        try {
            user.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Another request took the email between our check and our insert.
            if (e.getConstraintName() != null && e.getConstraintName().contains("app_user_email_per_network")) {
                throw ProblemException.conflict("The email " + request.email() + " was just taken by another user in this network");
            }
            throw e;
        }
        outbox.publish(Topics.DIRECTORY_USERS, user.id.toString(), UserCreated.TYPE, networkId, actor,
                new UserCreated(user.id, networkId, user.email, user.firstName, user.lastName, user.phone,
                        user.status.name(), List.copyOf(user.roles), List.of(), user.version, user.createdAt));
        return user;
    }

    private static List<String> validRoles(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalidField("roles", "give at least one role, one of " + roleCodes());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (BuiltInRole.byCode(requested.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("roles[" + i + "]",
                        "unknown role '" + requested.get(i) + "'; known roles are " + roleCodes()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return requested.stream().distinct().toList();
    }

    private static String roleCodes() {
        return Arrays.stream(BuiltInRole.values()).map(BuiltInRole::code).toList().toString();
    }
}
