package io.switchboard.routing.service;

import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.routing.domain.RoutingUser;
import io.switchboard.routing.domain.VoicemailBox;
import io.switchboard.routing.domain.VoicemailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal voicemail (seed 001): a box per user, e-mail notifications to the user's hub email (always the primary
 * recipient, following it when it changes) and up to 10 CC recipients who must be hub users of the same network.
 * Turning voicemail off deletes the box and its messages, so it needs an explicit confirmation.
 */
@ApplicationScoped
public class VoicemailService {

    public static final int MAX_CC = 10;

    public record Settings(boolean emailNotifications, List<String> ccRecipients) {
    }

    /** Fired in the transaction that stored a message; mailed after it commits. */
    public record MessageArrived(String to, List<String> cc, String boxOwner, String caller, Instant at, int seconds) {
    }

    private final RoutingEvents events;
    private final EntityManager em;
    private final Event<MessageArrived> arrived;

    public VoicemailService(RoutingEvents events, EntityManager em, Event<MessageArrived> arrived) {
        this.events = events;
        this.em = em;
        this.arrived = arrived;
    }

    @Transactional
    public Optional<VoicemailBox> get(UUID networkId, UUID userId) {
        RoutingUser.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        return VoicemailBox.<VoicemailBox>find("userId = ?1 and networkId = ?2", userId, networkId).firstResultOptional();
    }

    /** Turns voicemail on (or changes its notifications); the CC list is replaced as given. */
    @Transactional
    public VoicemailBox enable(UUID networkId, UUID userId, Settings settings, String actor) {
        RoutingUser user = RoutingUser.lockInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        if (!user.active()) {
            throw ProblemException.conflict(user.fullName().trim() + " is deactivated; a deactivated user has no voicemail");
        }
        List<UUID> cc = ccUsers(networkId, userId, settings.ccRecipients() == null ? List.of() : settings.ccRecipients());
        VoicemailBox box = VoicemailBox.findById(userId);
        boolean created = box == null;
        if (created) {
            box = new VoicemailBox();
            box.userId = userId;
            box.networkId = networkId;
            box.createdAt = Instant.now();
        }
        box.emailNotifications = settings.emailNotifications();
        box.persistAndFlush();
        em.createNativeQuery("delete from voicemail_cc where box_user_id = ?1").setParameter(1, userId).executeUpdate();
        for (UUID c : cc) {
            em.createNativeQuery("insert into voicemail_cc (box_user_id, cc_user_id) values (?1, ?2)")
                    .setParameter(1, userId).setParameter(2, c).executeUpdate();
        }
        events.voicemail(created ? VoicemailChanged.CREATED : VoicemailChanged.UPDATED, userId, networkId, box, 0, actor);
        return box;
    }

    /** How many messages turning voicemail off would delete (what the confirmation must acknowledge). */
    @Transactional
    public long messageCount(UUID userId) {
        return VoicemailMessage.count("boxUserId", userId);
    }

    @Transactional
    public int disable(UUID networkId, UUID userId, boolean confirmed, String actor) {
        RoutingUser.lockInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        VoicemailBox box = VoicemailBox.findById(userId);
        if (box == null) {
            return 0;
        }
        long messages = VoicemailMessage.count("boxUserId", userId);
        if (!confirmed) {
            throw new ProblemException(409, "confirmation-required", "Confirm deleting the voicemail box",
                    "Turning personal voicemail off deletes the box and its " + messages + " message(s); they are not kept. "
                            + "Repeat the request with ?confirm=true to go ahead", List.of());
        }
        int deleted = (int) VoicemailMessage.delete("boxUserId", userId);
        box.delete();
        events.voicemail(VoicemailChanged.DELETED, userId, networkId, null, deleted, actor);
        return deleted;
    }

    @Transactional
    public VoicemailMessage receive(UUID networkId, UUID userId, String caller, Instant at, int seconds, String audioRef) {
        RoutingUser user = RoutingUser.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        VoicemailBox box = VoicemailBox.<VoicemailBox>findByIdOptional(userId).orElseThrow(() ->
                ProblemException.conflict(user.fullName().trim() + " has no personal voicemail; the call cannot leave a message"));
        VoicemailMessage m = new VoicemailMessage();
        m.id = UUID.randomUUID();
        m.boxUserId = userId;
        m.networkId = networkId;
        m.caller = caller;
        m.receivedAt = at;
        m.durationSeconds = seconds;
        m.audioRef = audioRef;
        m.persist();
        if (box.emailNotifications && user.email != null) {
            List<String> cc = new ArrayList<>();
            for (UUID c : events.ccOf(userId)) {
                RoutingUser ccUser = RoutingUser.findById(c);
                if (ccUser != null && ccUser.active() && ccUser.email != null) {
                    cc.add(ccUser.email);
                }
            }
            arrived.fire(new MessageArrived(user.email, cc, user.fullName().trim(), caller, at, seconds));
        }
        return m;
    }

    @Transactional
    public List<VoicemailMessage> messages(UUID networkId, UUID userId) {
        RoutingUser.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        return VoicemailMessage.list("boxUserId = ?1 and networkId = ?2 order by receivedAt desc", userId, networkId);
    }

    @Transactional
    public VoicemailMessage markRead(UUID networkId, UUID userId, UUID messageId) {
        VoicemailMessage m = message(networkId, userId, messageId);
        if (m.readAt == null) {
            m.readAt = Instant.now();
        }
        return m;
    }

    @Transactional
    public void deleteMessage(UUID networkId, UUID userId, UUID messageId) {
        message(networkId, userId, messageId).delete();
    }

    private static VoicemailMessage message(UUID networkId, UUID userId, UUID messageId) {
        return VoicemailMessage.<VoicemailMessage>find("id = ?1 and boxUserId = ?2 and networkId = ?3", messageId, userId, networkId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Voicemail message", messageId));
    }

    /** CC recipients by email: at most 10, each an active hub user of the network (not the box owner). */
    private static List<UUID> ccUsers(UUID networkId, UUID owner, List<String> emails) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (emails.size() > MAX_CC) {
            errors.add(new Problem.FieldError("ccRecipients", "at most " + MAX_CC + " CC recipients; " + emails.size() + " given"));
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < emails.size() && emails.size() <= MAX_CC; i++) {
            String email = emails.get(i);
            Optional<RoutingUser> user = email == null ? Optional.empty() : RoutingUser.<RoutingUser>find(
                    "networkId = ?1 and lower(email) = lower(?2)", networkId, email.trim()).firstResultOptional();
            if (user.isEmpty() || !user.get().active()) {
                errors.add(new Problem.FieldError("ccRecipients[" + i + "]", "'" + email + "' is not a hub user of this network; "
                        + "only hub users can be copied (forward the e-mails to reach outside addresses)"));
            } else if (!user.get().userId.equals(owner)) {
                ids.add(user.get().userId);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return List.copyOf(ids);
    }
}
