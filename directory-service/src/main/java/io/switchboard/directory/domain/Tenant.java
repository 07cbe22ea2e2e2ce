package io.switchboard.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A ServiceTitan account of the network, known by its ServiceTitan tenant id. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "network_id")
    public UUID networkId;

    public String name;

    @Column(name = "servicetitan_tenant_id")
    public long serviceTitanTenantId;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Tenant> findInNetwork(UUID networkId, UUID id) {
        return find("id = ?1 and networkId = ?2", id, networkId).firstResultOptional();
    }

    public static List<Tenant> listInNetwork(UUID networkId) {
        return list("networkId = ?1 order by lower(name)", networkId);
    }

    public static List<Tenant> findAllInNetwork(UUID networkId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("networkId = ?1 and id in ?2 order by lower(name)", networkId, ids);
    }
}
