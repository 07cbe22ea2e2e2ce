package io.switchboard.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A call center or a department. */
@Entity
@Table(name = "queue")
public class Queue extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "network_id")
    public UUID networkId;

    public String name;

    /** CALL_CENTER or DEPARTMENT. */
    public String kind;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "created_at")
    public java.time.Instant createdAt;

    @jakarta.persistence.Version
    public long version;

    public static java.util.Optional<Queue> findInNetwork(UUID networkId, UUID id) {
        return find("id = ?1 and networkId = ?2", id, networkId).firstResultOptional();
    }

    public boolean callCenter() {
        return "CALL_CENTER".equals(kind);
    }
}
