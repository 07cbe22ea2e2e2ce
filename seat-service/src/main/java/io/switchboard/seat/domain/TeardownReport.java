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

    /** The deactivation (its {@code user.deactivated} version) this report answers; -1 from producers without it. */
    @Id
    @Column(name = "deactivation_version")
    public long deactivationVersion;

    @Column(name = "network_id")
    public UUID networkId;

    public String detail;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** The reports answering one deactivation of the user. */
    public static List<TeardownReport> of(UUID userId, long deactivationVersion) {
        return list("userId = ?1 and deactivationVersion = ?2 order by service", userId, deactivationVersion);
    }

    public record Key(UUID userId, String service, long deactivationVersion) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }
}
