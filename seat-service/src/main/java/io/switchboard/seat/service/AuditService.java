package io.switchboard.seat.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.TenantRef;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.seat.domain.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The audit log of a user: every event any service publishes about them becomes an entry with when, who (the event's
 * actor), which service and what changed (before → after). Each event concerns one aspect of the user (profile, seat,
 * numbers, a queue, voicemail, recording, a ServiceTitan tenant); "before" is that aspect's state in the previous entry.
 * One aspect's events come from one topic keyed by user id, so they arrive in order; a redelivered event is recorded once.
 */
@ApplicationScoped
public class AuditService {

    public record Change(String field, JsonNode before, JsonNode after) {
    }

    public record Entry(Instant at, String actor, String service, String type, List<Change> changes) {
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    /** What one event says about one aspect of a user: the new state of that aspect (only the fields it carries). */
    private record Subject(UUID userId, UUID networkId, String aspect, Map<String, Object> state) {
    }

    /** The event types that say something about a user (see {@link #subjectOf}). */
    private static final java.util.Set<String> TYPES;

    static {
        java.util.Set<String> types = new java.util.HashSet<>();
        types.add(UserCreated.TYPE);
        types.addAll(UserChanged.TYPES);
        types.add(UserDeactivated.TYPE);
        types.addAll(List.of(DirectLineChanged.ASSIGNED, DirectLineChanged.PRIMARY_CHANGED, DirectLineChanged.NUMBERS_CHANGED,
                DirectLineChanged.RELEASED));
        types.addAll(SeatChanged.TYPES);
        types.addAll(List.of(QueueMemberChanged.ADDED, QueueMemberChanged.REMOVED));
        types.addAll(List.of(VoicemailChanged.CREATED, VoicemailChanged.UPDATED, VoicemailChanged.DELETED));
        types.add(RecordingChanged.TYPE);
        types.addAll(List.of(SyncLinkChanged.LINKED, SyncLinkChanged.NOT_FOUND, SyncLinkChanged.AMBIGUOUS));
        types.add(OfficePhoneWritten.TYPE);
        TYPES = java.util.Set.copyOf(types);
    }

    private final EntityManager em;
    private final ObjectMapper json;

    /** Whether events of this type go into audit logs (the others on the same topics — job replies, reports — do not). */
    public static boolean records(String type) {
        return TYPES.contains(type);
    }

    public AuditService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope event) {
        Subject subject = subjectOf(event);
        if (subject == null) {
            return;
        }
        ObjectNode after = json.valueToTree(subject.state());
        @SuppressWarnings("unchecked")
        List<String> previous = em.createNativeQuery("""
                        select cast(state as text) from audit_entry where user_id = ?1 and aspect = ?2
                         order by id desc limit 1""")
                .setParameter(1, subject.userId()).setParameter(2, subject.aspect()).getResultList();
        ObjectNode merged = previous.isEmpty() ? json.createObjectNode() : (ObjectNode) read(previous.get(0));
        ArrayNode changes = json.createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode before = merged.path(field.getKey());
            JsonNode now = field.getValue();
            boolean bothEmpty = (before.isMissingNode() || before.isNull()) && now.isNull();
            if (!bothEmpty && !before.equals(now)) {
                ObjectNode change = changes.addObject();
                change.put("field", field.getKey());
                change.set("before", before.isMissingNode() ? json.nullNode() : before);
                change.set("after", now);
            }
            merged.set(field.getKey(), now);
        }
        if (changes.isEmpty()) {
            return; // a re-check that found everything as it was is not a change
        }
        em.createNativeQuery("""
                        insert into audit_entry (event_id, user_id, network_id, occurred_at, actor, source, type, aspect, state, changes)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb), cast(?10 as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter(1, event.id()).setParameter(2, subject.userId()).setParameter(3, subject.networkId())
                .setParameter(4, event.time()).setParameter(5, event.actor())
                .setParameter(6, event.source().replaceFirst("^switchboard/", ""))
                .setParameter(7, event.type()).setParameter(8, subject.aspect())
                .setParameter(9, merged.toString()).setParameter(10, changes.toString()).executeUpdate();
    }

    /** The user's entries, newest first, keyset-paginated. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page log(UUID networkId, UUID userId, int limit, String cursor) {
        UserRow.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        Instant beforeAt = Instant.MAX;
        long beforeId = Long.MAX_VALUE;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(" ");
                beforeAt = Instant.parse(parts[0]);
                beforeId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this list returned; start again without it");
            }
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select id, occurred_at, actor, source, type, cast(changes as text) from audit_entry
                         where user_id = ?1 and network_id = ?2 and (occurred_at, id) < (?3, ?4)
                         order by occurred_at desc, id desc limit ?5""")
                .setParameter(1, userId).setParameter(2, networkId)
                .setParameter(3, beforeAt.equals(Instant.MAX) ? Instant.parse("9999-12-31T00:00:00Z") : beforeAt)
                .setParameter(4, beforeId).setParameter(5, limit + 1).getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            List<Change> changes = new ArrayList<>();
            read((String) r[5]).forEach(c -> changes.add(new Change(c.get("field").asText(), c.get("before"), c.get("after"))));
            entries.add(new Entry(SqlValues.instant(r[1]), (String) r[2], (String) r[3], (String) r[4], changes));
        }
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (SqlValues.instant(last[1]) + " " + last[0]).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(entries, next);
    }

    private Subject subjectOf(EventEnvelope e) {
        String type = e.type();
        if (type.equals(UserCreated.TYPE)) {
            UserCreated u = e.dataAs(UserCreated.class);
            return new Subject(u.userId(), u.networkId(), "profile", profile(u.email(), u.firstName(), u.lastName(),
                    u.status(), u.roles(), u.tenants(), u.tenantIds()));
        }
        if (UserChanged.TYPES.contains(type)) {
            UserChanged u = e.dataAs(UserChanged.class);
            return new Subject(u.userId(), u.networkId(), "profile", profile(u.email(), u.firstName(), u.lastName(),
                    u.status(), u.roles(), u.tenants(), u.tenantIds()));
        }
        if (type.equals(UserDeactivated.TYPE)) {
            UserDeactivated u = e.dataAs(UserDeactivated.class);
            return new Subject(u.userId(), u.networkId(), "profile", Map.of("status", "DEACTIVATED"));
        }
        if (List.of(DirectLineChanged.ASSIGNED, DirectLineChanged.PRIMARY_CHANGED, DirectLineChanged.NUMBERS_CHANGED,
                DirectLineChanged.RELEASED).contains(type)) {
            DirectLineChanged l = e.dataAs(DirectLineChanged.class);
            return new Subject(l.userId(), l.networkId(), "numbers", state("directLine", l.number(),
                    "secondaryNumbers", l.secondaryNumbers() == null ? List.of() : l.secondaryNumbers()));
        }
        if (SeatChanged.TYPES.contains(type)) {
            SeatChanged s = e.dataAs(SeatChanged.class);
            return new Subject(s.userId(), s.networkId(), "seat", state("seatLevel", s.level(),
                    "billToTenantId", s.billToTenantId(), "e911Address", s.e911Present() ? "present" : "none"));
        }
        if (type.equals(QueueMemberChanged.ADDED) || type.equals(QueueMemberChanged.REMOVED)) {
            QueueMemberChanged q = e.dataAs(QueueMemberChanged.class);
            return new Subject(q.userId(), q.networkId(), "queue:" + q.queueId(),
                    state("queue " + q.queueName(), type.equals(QueueMemberChanged.ADDED) ? "member" : "not a member"));
        }
        if (List.of(VoicemailChanged.CREATED, VoicemailChanged.UPDATED, VoicemailChanged.DELETED).contains(type)) {
            VoicemailChanged v = e.dataAs(VoicemailChanged.class);
            return new Subject(v.userId(), v.networkId(), "voicemail", state("voicemail", v.enabled() ? "on" : "off",
                    "emailNotifications", v.emailNotifications(), "primaryRecipient", v.primaryRecipient(),
                    "ccRecipients", v.ccUserIds() == null ? 0 : v.ccUserIds().size()));
        }
        if (type.equals(RecordingChanged.TYPE)) {
            RecordingChanged r = e.dataAs(RecordingChanged.class);
            return r.userId() == null ? null : new Subject(r.userId(), r.networkId(), "recording", state(
                    "inboundRecording", r.inbound(), "outboundRecording", r.outbound(), "announcement", r.announcement(),
                    "recordingCustomized", r.customized()));
        }
        if (List.of(SyncLinkChanged.LINKED, SyncLinkChanged.NOT_FOUND, SyncLinkChanged.AMBIGUOUS).contains(type)) {
            SyncLinkChanged l = e.dataAs(SyncLinkChanged.class);
            return new Subject(l.userId(), l.networkId(), "servicetitan:" + l.tenantId(), state(
                    "serviceTitanEmployee (tenant " + l.serviceTitanTenantId() + ")",
                    l.employeeId() != null ? "employee " + l.employeeId() : l.status().replace('-', ' ')));
        }
        if (type.equals(OfficePhoneWritten.TYPE)) {
            OfficePhoneWritten w = e.dataAs(OfficePhoneWritten.class);
            return new Subject(w.userId(), w.networkId(), "officephone:" + w.tenantId(), state(
                    "officePhone (tenant " + w.serviceTitanTenantId() + ")", w.phoneNumber()));
        }
        return null;
    }

    private static Map<String, Object> profile(String email, String firstName, String lastName, String status,
                                               List<String> roles, List<TenantRef> tenants, List<UUID> tenantIds) {
        return state("email", email, "firstName", firstName, "lastName", lastName, "status", status,
                "roles", roles == null ? List.of() : roles.stream().sorted().toList(),
                "tenants", tenants != null ? tenants.stream().map(TenantRef::name).sorted().toList()
                        : tenantIds == null ? List.of() : tenantIds.stream().map(UUID::toString).sorted().collect(Collectors.toList()));
    }

    private static Map<String, Object> state(Object... fieldsAndValues) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            state.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return state;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_entry holds invalid JSON", e);
        }
    }
}
