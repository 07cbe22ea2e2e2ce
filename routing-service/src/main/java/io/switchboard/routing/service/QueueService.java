package io.switchboard.routing.service;

import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.QueueMember;
import io.switchboard.routing.domain.RoutingUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Queues — call centers and departments — and who is in them (seeds 001, 003, 004). Joining needs a seat, a direct line
 * and an E911 address; a Basic seat may join departments only, an Advanced seat call centers too.
 */
@ApplicationScoped
public class QueueService {

    public record QueueDraft(String name, String kind, UUID tenantId) {
    }

    private final RoutingEvents events;

    public QueueService(RoutingEvents events) {
        this.events = events;
    }

    @Transactional
    public List<Queue> list(UUID networkId) {
        return Queue.list("networkId = ?1 order by lower(name)", networkId);
    }

    @Transactional
    public Queue get(UUID networkId, UUID queueId) {
        return Queue.findInNetwork(networkId, queueId).orElseThrow(() -> ProblemException.notFound("Queue", queueId));
    }

    @Transactional
    public Queue create(UUID networkId, QueueDraft draft) {
        Queue q = new Queue();
        q.id = UUID.randomUUID();
        q.networkId = networkId;
        q.createdAt = Instant.now();
        apply(q, draft);
        q.persistAndFlush();
        return q;
    }

    /** Renames or re-tenants a queue; its kind stays (members were admitted by it). */
    @Transactional
    public Queue update(UUID networkId, UUID queueId, QueueDraft draft, Versions.Expected expected) {
        Queue q = get(networkId, queueId);
        expected.check(q.version);
        if (!q.kind.equals(kind(draft.kind()))) {
            throw ProblemException.conflict("A queue's kind cannot change (its members were admitted as a "
                    + q.kind.toLowerCase().replace('_', ' ') + "); create a new queue instead");
        }
        apply(q, draft);
        q.flush();
        return q;
    }

    @Transactional
    public void delete(UUID networkId, UUID queueId) {
        Queue q = get(networkId, queueId);
        long members = QueueMember.count("queueId", queueId);
        if (members > 0) {
            throw ProblemException.conflict("Queue " + q.name + " has " + members + " member(s); remove them first");
        }
        q.delete();
    }

    @Transactional
    public List<Queue> queuesOf(UUID networkId, UUID userId) {
        List<QueueMember> memberships = QueueMember.list("userId = ?1 and networkId = ?2", userId, networkId);
        if (memberships.isEmpty() && RoutingUser.findInNetwork(networkId, userId).isEmpty()) {
            throw ProblemException.notFound("User", userId);
        }
        return memberships.stream().map(m -> Queue.<Queue>findById(m.queueId))
                .sorted((a, b) -> a.name.compareToIgnoreCase(b.name)).toList();
    }

    @Transactional
    public Queue addMember(UUID networkId, UUID queueId, UUID userId, String actor) {
        RoutingUser user = RoutingUser.lockInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        Queue queue = get(networkId, queueId);
        if (!user.active()) {
            throw ProblemException.conflict(user.fullName().trim() + " is deactivated and cannot join a queue");
        }
        if (QueueMember.findById(new QueueMember.Key(queueId, userId)) != null) {
            return queue;
        }
        List<String> missing = user.missingForQueues();
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("To join a queue " + user.fullName().trim() + " needs " + String.join(", ", missing));
        }
        if (queue.callCenter() && !"ADVANCED".equals(user.seatLevel)) {
            throw ProblemException.conflict(queue.name + " is a call center: only Advanced seats may join call centers; "
                    + user.fullName().trim() + " has a Basic seat (departments only)");
        }
        QueueMember m = new QueueMember();
        m.queueId = queueId;
        m.userId = userId;
        m.networkId = networkId;
        m.joinedAt = Instant.now();
        m.persist();
        events.member(QueueMemberChanged.ADDED, userId, queue, null, actor);
        return queue;
    }

    @Transactional
    public void removeMember(UUID networkId, UUID queueId, UUID userId, String actor) {
        RoutingUser.lockInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
        Queue queue = get(networkId, queueId);
        QueueMember m = QueueMember.findById(new QueueMember.Key(queueId, userId));
        if (m == null) {
            return;
        }
        m.delete();
        events.member(QueueMemberChanged.REMOVED, userId, queue, null, actor);
    }

    private static void apply(Queue q, QueueDraft draft) {
        String name = draft.name().trim();
        Queue.<Queue>find("networkId = ?1 and lower(name) = lower(?2) and id <> ?3", q.networkId, name, q.id)
                .firstResultOptional().ifPresent(other -> {
                    throw ProblemException.conflict("The network already has a queue named " + other.name + " (" + other.id + ")");
                });
        q.name = name;
        q.kind = kind(draft.kind());
        q.tenantId = draft.tenantId();
    }

    static String kind(String raw) {
        String k = raw == null ? "" : raw.trim().toUpperCase().replace('-', '_').replace(' ', '_');
        if (!k.equals("CALL_CENTER") && !k.equals("DEPARTMENT")) {
            throw ProblemException.invalidField("kind", "must be call-center or department");
        }
        return k;
    }
}
