package io.switchboard.seat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service's report that it released what it held for a deactivated user. */
@Entity
@Table(name = "teardown_report")
@IdClass(TeardownReport.Key.class)
public class TeardownReport extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    public String service;

    @Column(name = "network_id")
    public UUID networkId;

    public String detail;

    @Column(name = "reported_at")
    public Instant reportedAt;

    public static List<TeardownReport> of(UUID userId) {
        return list("userId = ?1 order by service", userId);
    }

    public record Key(UUID userId, String service) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
