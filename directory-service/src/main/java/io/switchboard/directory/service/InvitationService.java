package io.switchboard.directory.service;

import io.switchboard.directory.config.DirectoryConfig;
import io.switchboard.directory.domain.Invitation;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Invitations: a single-use, expiring link e-mailed to an invited user. Sending again replaces the previous link. The
 * e-mail leaves only after the transaction commits ({@link InvitationMailer}), so a rolled-back user is never invited.
 */
@ApplicationScoped
public class InvitationService {

    /** Fired inside the transaction; delivered to the mailer after it commits. */
    public record InvitationIssued(String email, String firstName, String link, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DirectoryConfig config;
    private final PasswordHasher hasher;
    private final UserEvents events;
    private final Event<InvitationIssued> issued;

    public InvitationService(DirectoryConfig config, PasswordHasher hasher, UserEvents events, Event<InvitationIssued> issued) {
        this.config = config;
        this.hasher = hasher;
        this.events = events;
        this.issued = issued;
    }

    /** Sends (or resends) the invitation of an invited user; records "Invite sent" with its time. */
    @Transactional
    public User send(UUID networkId, UUID userId, String actor) {
        User user = User.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        switch (user.status) {
            case ACTIVE -> throw ProblemException.conflict(user.fullName() + " has already accepted their invitation and can sign in");
            case DEACTIVATED -> throw ProblemException.conflict(user.fullName() + " is deactivated; reactivate them before inviting them again");
            default -> issue(user, actor);
        }
        return user;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(User user, String actor) {
        Instant now = Instant.now();
        Invitation.revokeOpen(user.id, now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.userId = user.id;
        invitation.tokenHash = sha256(token);
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(config.invitations().lifetime());
        invitation.persist();
        user.inviteSentAt = now;
        issued.fire(new InvitationIssued(user.email, user.firstName, config.invitations().acceptUrl() + "?token=" + token,
                invitation.expiresAt));
    }

    /** Sets the password and activates the user. A token works once, until it expires or a newer one replaces it. */
    @Transactional
    public User accept(String token, String password) {
        Invitation invitation = Invitation.findByTokenHash(sha256(token)).orElseThrow(() -> new ProblemException(404,
                "invitation-not-found", "Invitation not found",
                "This invitation link is not valid; ask your admin to resend the invitation", java.util.List.of()));
        Instant now = Instant.now();
        if (invitation.acceptedAt != null) {
            throw ProblemException.conflict("This invitation was already accepted; sign in with your email and password");
        }
        if (invitation.revokedAt != null) {
            throw ProblemException.gone("This invitation was replaced by a newer one or withdrawn; use the latest e-mail you received");
        }
        if (now.isAfter(invitation.expiresAt)) {
            throw ProblemException.gone("This invitation expired at " + invitation.expiresAt + "; ask your admin to resend it");
        }
        User user = User.<User>findByIdOptional(invitation.userId).orElseThrow();
        if (user.status != UserStatus.INVITED) {
            throw ProblemException.conflict("This account is " + user.status.name().toLowerCase() + "; the invitation no longer applies");
        }
        invitation.acceptedAt = now;
        user.passwordHash = hasher.hash(password);
        user.status = UserStatus.ACTIVE;
        user.updatedAt = now;
        user.flush();
        events.changed(UserChanged.ACTIVATED, user, "user:" + user.id);
        return user;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeOpen(UUID userId, Instant at) {
        Invitation.revokeOpen(userId, at);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
