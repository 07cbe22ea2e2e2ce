package io.switchboard.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "queue_member")
@IdClass(QueueMember.Key.class)
public class QueueMember extends PanacheEntityBase {

    @Id
    @Column(name = "queue_id")
    public UUID queueId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "network_id")
    public UUID networkId;

    @Column(name = "joined_at")
    public Instant joinedAt;

    public record Key(UUID queueId, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
