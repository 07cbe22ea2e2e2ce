package io.switchboard.number.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A number held by a person: their direct line or a secondary number. */
@Entity
@Table(name = "user_number")
public class UserNumber extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "network_id")
    public UUID networkId;

    @Column(name = "user_id")
    public UUID userId;

    public String kind;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static List<UserNumber> heldBy(UUID userId) {
        return list("userId = ?1 order by number", userId);
    }
}
