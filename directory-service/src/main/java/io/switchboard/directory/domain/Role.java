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

/**
 * A named set of permissions (seed 002): hub permissions apply across the hub; ServiceTitan permissions apply in each
 * tenant the holder is assigned to, unless the role is disabled for that tenant.
 */
@Entity
@Table(name = "role")
public class Role extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "network_id")
    public UUID networkId;

    /** Stable identifier users and events refer to, e.g. {@code network-admin}. */
    public String key;

    public String name;

    public String description;

    @Column(name = "built_in")
    public boolean builtIn;

    @Column(name = "hub_permissions")
    public String[] hubPermissions = new String[0];

    @Column(name = "servicetitan_permissions")
    public String[] serviceTitanPermissions = new String[0];

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Role> findByKey(UUID networkId, String key) {
        return find("networkId = ?1 and key = ?2", networkId, key).firstResultOptional();
    }

    public static List<Role> listInNetwork(UUID networkId) {
        return list("networkId = ?1 order by builtIn desc, lower(name)", networkId);
    }

    public static List<Role> findByKeys(UUID networkId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return list("networkId = ?1 and key in ?2", networkId, keys);
    }
}
