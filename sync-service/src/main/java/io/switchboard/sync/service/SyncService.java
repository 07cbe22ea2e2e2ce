package io.switchboard.sync.service;

import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.sync.domain.DirectoryUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What each user's Office Phone should be in each of their tenants: their current direct line while they are not
 * deactivated, nothing once they are. Directory and number events change the wanted value; {@link SyncWorker} makes
 * ServiceTitan agree.
 */
@ApplicationScoped
public class SyncService {

    private static final String ACTOR = "service:sync-service";

    private final DirectoryReplicaService replica;
    private final SyncQueue queue;
    private final Outbox outbox;
    private final EntityManager em;
    private final SyncSignal signal;

    public SyncService(DirectoryReplicaService replica, SyncQueue queue, Outbox outbox, EntityManager em, SyncSignal signal) {
        this.replica = replica;
        this.queue = queue;
        this.outbox = outbox;
        this.em = em;
        this.signal = signal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserCreated e) {
        queue.lockUser(e.userId());
        replica.apply(e).ifPresent(previous -> relink(e.userId(), e.networkId(), e.email(), e.tenants(), previous));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserChanged e) {
        queue.lockUser(e.userId());
        replica.apply(e).ifPresent(previous -> relink(e.userId(), e.networkId(), e.email(), e.tenants(), previous));
    }

    /** Deactivated: the Office Phone is cleared in every linked tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserDeactivated e) {
        queue.lockUser(e.userId());
        if (replica.apply(e)) {
            queue.wantEverywhere(e.userId(), null);
            signal.wake();
        }
    }

    /** A newer line (by the user's line version) is wanted everywhere; an older event arriving late changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(DirectLineChanged e) {
        queue.lockUser(e.userId());
        int updated = em.createNativeQuery("""
                        insert into user_line (user_id, number, line_version, updated_at) values (?1, ?2, ?3, now())
                        on conflict (user_id) do update set number = excluded.number, line_version = excluded.line_version,
                               updated_at = now()
                         where user_line.line_version < excluded.line_version""")
                .setParameter(1, e.userId()).setParameter(2, e.number()).setParameter(3, e.lineVersion()).executeUpdate();
        if (updated == 1) {
            queue.wantEverywhere(e.userId(), expectedPhone(e.userId()).orElse(null));
            signal.wake();
        }
    }

    /** The Office Phone the user should have: their direct line, unless they are deactivated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> expectedPhone(UUID userId) {
        DirectoryUser user = DirectoryUser.findById(userId);
        if (user != null && "DEACTIVATED".equals(user.status)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> line = em.createNativeQuery("select number from user_line where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return line.isEmpty() ? Optional.empty() : Optional.ofNullable(line.get(0));
    }

    /** A link was resolved: say so, and when linked, write the current line there (a tenant added to an active user too). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkResolved(SyncQueue.LinkItem item, String status, Long employeeId, int candidates) {
        queue.lockUser(item.userId());
        queue.linked(item, status, employeeId);
        String type = switch (status) {
            case "LINKED" -> SyncLinkChanged.LINKED;
            case "AMBIGUOUS" -> SyncLinkChanged.AMBIGUOUS;
            default -> SyncLinkChanged.NOT_FOUND;
        };
        outbox.publish(Topics.SYNC_LINKS, item.userId().toString(), type, item.networkId(), ACTOR,
                new SyncLinkChanged(item.userId(), item.networkId(), item.tenantId(), item.serviceTitanTenantId(),
                        item.email(), status.toLowerCase().replace('_', '-'), employeeId, candidates, Instant.now()));
        if ("LINKED".equals(status)) {
            Optional<String> phone = expectedPhone(item.userId());
            if (phone.isPresent()) {
                queue.want(item.userId(), item.tenantId(), phone.get());
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void written(SyncQueue.WriteItem item) {
        queue.written(item);
        outbox.publish(Topics.SYNC_LINKS, item.userId().toString(), OfficePhoneWritten.TYPE, item.networkId(), ACTOR,
                new OfficePhoneWritten(item.userId(), item.networkId(), item.tenantId(), item.serviceTitanTenantId(),
                        item.employeeId(), item.phone(), Instant.now()));
    }

    private void relink(UUID userId, UUID networkId, String email, List<io.switchboard.platform.contract.TenantRef> tenants,
                        DirectoryReplicaService.Previous previous) {
        boolean emailChanged = previous.email() != null && !previous.email().equalsIgnoreCase(email);
        queue.tenants(userId, networkId, email, tenants == null ? List.of() : tenants, emailChanged);
        signal.wake();
    }
}
