package io.switchboard.routing.service;

import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import io.switchboard.routing.domain.RecordingSettings;
import io.switchboard.routing.domain.RoutingUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Recording settings (seed 001): the network's defaults, which every user follows unless customized, and per-user
 * overrides field by field. A network that never set defaults starts from Automatically / Automatically / Prompt.
 */
@ApplicationScoped
public class RecordingService {

    /** Values in, null meaning "follow the default" for a user's override. */
    public record Draft(String inbound, String outbound, String announcement) {
    }

    /**
     * Effective settings and, per field, whether it comes from the network default. {@code version} is 0 while nothing
     * was ever saved and counts saves from 1, so an update names the version it read.
     */
    public record Effective(String inbound, String outbound, String announcement, boolean inboundFromDefault,
                            boolean outboundFromDefault, boolean announcementFromDefault, long version) {
    }

    static final Draft START = new Draft("AUTOMATICALLY", "AUTOMATICALLY", "PROMPT");

    private final RoutingEvents events;

    public RecordingService(RoutingEvents events) {
        this.events = events;
    }

    @Transactional
    public Effective defaults(UUID networkId) {
        RecordingSettings.Default d = RecordingSettings.Default.findById(networkId);
        return d == null ? new Effective(START.inbound(), START.outbound(), START.announcement(), true, true, true, 0)
                : new Effective(d.inbound, d.outbound, d.announcement, true, true, true, d.version + 1);
    }

    @Transactional
    public Effective setDefaults(UUID networkId, Draft draft, Versions.Expected expected, String actor) {
        Draft valid = validate(draft, false);
        RecordingSettings.Default d = RecordingSettings.Default.findById(networkId);
        if (d == null) {
            expected.check(0);
            d = new RecordingSettings.Default();
            d.networkId = networkId;
        } else {
            expected.check(d.version + 1);
        }
        d.inbound = valid.inbound();
        d.outbound = valid.outbound();
        d.announcement = valid.announcement();
        d.updatedAt = Instant.now();
        d.persistAndFlush();
        events.recording(networkId, null, new RoutingEvents.Recording(d.inbound, d.outbound, d.announcement, false, d.version + 1), actor);
        return defaults(networkId);
    }

    @Transactional
    public Effective forUser(UUID networkId, UUID userId) {
        RoutingUser.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        return effective(networkId, RecordingSettings.Override.findById(userId));
    }

    /**
     * Replaces the user's overrides; a null field follows the network default. {@code expected} null = last write wins
     * (a bulk job applying the admin's one choice to many users).
     */
    @Transactional
    public Effective setForUser(UUID networkId, UUID userId, Draft draft, Versions.Expected expected, String actor) {
        RoutingUser.lockInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        Draft valid = validate(draft, true);
        RecordingSettings.Override o = RecordingSettings.Override.findById(userId);
        if (o == null) {
            if (expected != null) {
                expected.check(0);
            }
            o = new RecordingSettings.Override();
            o.userId = userId;
            o.networkId = networkId;
        } else {
            if (expected != null) {
                expected.check(o.version + 1);
            }
        }
        o.inbound = valid.inbound();
        o.outbound = valid.outbound();
        o.announcement = valid.announcement();
        o.updatedAt = Instant.now();
        o.persistAndFlush();
        Effective e = effective(networkId, o);
        events.recording(networkId, userId, new RoutingEvents.Recording(e.inbound(), e.outbound(), e.announcement(),
                !(e.inboundFromDefault() && e.outboundFromDefault() && e.announcementFromDefault()), e.version()), actor);
        return e;
    }

    private Effective effective(UUID networkId, RecordingSettings.Override o) {
        Effective d = defaults(networkId);
        if (o == null) {
            return new Effective(d.inbound(), d.outbound(), d.announcement(), true, true, true, 0);
        }
        return new Effective(o.inbound != null ? o.inbound : d.inbound(), o.outbound != null ? o.outbound : d.outbound(),
                o.announcement != null ? o.announcement : d.announcement(), o.inbound == null, o.outbound == null,
                o.announcement == null, o.version + 1);
    }

    private static Draft validate(Draft draft, boolean nullable) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String in = mode(draft.inbound(), "inbound", nullable, errors);
        String out = mode(draft.outbound(), "outbound", nullable, errors);
        String ann = null;
        if (draft.announcement() == null) {
            if (!nullable) {
                errors.add(new Problem.FieldError("announcement", "is required: prompt or never"));
            }
        } else {
            ann = draft.announcement().trim().toUpperCase(Locale.ROOT);
            if (!RecordingChanged.ANNOUNCEMENTS.contains(ann)) {
                errors.add(new Problem.FieldError("announcement", "must be prompt or never"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Draft(in, out, ann);
    }

    private static String mode(String raw, String field, boolean nullable, List<Problem.FieldError> errors) {
        if (raw == null) {
            if (!nullable) {
                errors.add(new Problem.FieldError(field, "is required: always, automatically, manually or never"));
            }
            return null;
        }
        String mode = raw.trim().toUpperCase(Locale.ROOT);
        if (!RecordingChanged.MODES.contains(mode)) {
            errors.add(new Problem.FieldError(field, "must be always, automatically, manually or never"));
            return null;
        }
        return mode;
    }
}
