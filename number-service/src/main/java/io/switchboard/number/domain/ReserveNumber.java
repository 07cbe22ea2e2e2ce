package io.switchboard.number.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A number on the network's reserve list, assignable again. */
@Entity
@Table(name = "reserve_number")
public class ReserveNumber extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "network_id")
    public UUID networkId;

    @Column(name = "released_from_user")
    public UUID releasedFromUser;

    @Column(name = "released_at")
    public Instant releasedAt;
}
