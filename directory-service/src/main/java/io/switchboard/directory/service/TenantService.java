package io.switchboard.directory.service;

import io.switchboard.directory.domain.Tenant;
import io.switchboard.directory.domain.User;
import io.switchboard.platform.contract.TenantChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The network's ServiceTitan tenants. */
@ApplicationScoped
public class TenantService {

    public record TenantDraft(String name, long serviceTitanTenantId) {
    }

    private final Outbox outbox;

    public TenantService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public List<Tenant> list(UUID networkId) {
        return Tenant.listInNetwork(networkId);
    }

    @Transactional
    public Tenant get(UUID networkId, UUID tenantId) {
        return Tenant.findInNetwork(networkId, tenantId).orElseThrow(() -> ProblemException.notFound("Tenant", tenantId));
    }

    @Transactional
    public Tenant create(UUID networkId, TenantDraft draft, String actor) {
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.networkId = networkId;
        apply(tenant, draft);
        tenant.createdAt = Instant.now();
        tenant.updatedAt = tenant.createdAt;
        tenant.persistAndFlush();
        publish(TenantChanged.CREATED, tenant, false, actor);
        return tenant;
    }

    @Transactional
    public Tenant update(UUID networkId, UUID tenantId, TenantDraft draft, Versions.Expected expected, String actor) {
        Tenant tenant = get(networkId, tenantId);
        expected.check(tenant.version);
        apply(tenant, draft);
        tenant.updatedAt = Instant.now();
        tenant.flush();
        publish(TenantChanged.UPDATED, tenant, false, actor);
        return tenant;
    }

    /** A tenant still assigned to someone cannot go: their roles and sync links depend on it. */
    @Transactional
    public void delete(UUID networkId, UUID tenantId, String actor) {
        Tenant tenant = get(networkId, tenantId);
        long assigned = User.count("?1 member of tenantIds", tenantId);
        if (assigned > 0) {
            throw ProblemException.conflict("Tenant " + tenant.name + " is assigned to " + assigned
                    + " user(s); unassign it from them first");
        }
        publish(TenantChanged.DELETED, tenant, true, actor);
        tenant.delete();
    }

    private static void apply(Tenant tenant, TenantDraft draft) {
        String name = draft.name().trim();
        Tenant.<Tenant>find("networkId = ?1 and lower(name) = lower(?2) and id <> ?3", tenant.networkId, name, tenant.id)
                .firstResultOptional().ifPresent(other -> {
                    throw ProblemException.conflict("The network already has a tenant named " + other.name + " (" + other.id + ")");
                });
        Tenant.<Tenant>find("networkId = ?1 and serviceTitanTenantId = ?2 and id <> ?3", tenant.networkId,
                draft.serviceTitanTenantId(), tenant.id).firstResultOptional().ifPresent(other -> {
                    throw ProblemException.conflict("ServiceTitan tenant " + draft.serviceTitanTenantId()
                            + " is already registered as " + other.name + " (" + other.id + ")");
                });
        tenant.name = name;
        tenant.serviceTitanTenantId = draft.serviceTitanTenantId();
    }

    private void publish(String type, Tenant tenant, boolean deleted, String actor) {
        outbox.publish(Topics.DIRECTORY_TENANTS, tenant.id.toString(), type, tenant.networkId, actor,
                new TenantChanged(tenant.id, tenant.networkId, tenant.name, tenant.serviceTitanTenantId, deleted,
                        tenant.version, tenant.updatedAt));
    }
}
