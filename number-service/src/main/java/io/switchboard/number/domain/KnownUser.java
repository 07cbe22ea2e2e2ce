package io.switchboard.number.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A hub user as the directory last described them. Its row lock serializes every change to one user's numbers, and
 * {@link #lineVersion} numbers those changes so consumers can apply them in order.
 */
@Entity
@Table(name = "known_user")
public class KnownUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "network_id")
    public UUID networkId;

    public String status;

    @Column(name = "directory_version")
    public long directoryVersion;

    @Column(name = "line_version")
    public long lineVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<KnownUser> lockInNetwork(UUID networkId, UUID userId) {
        return find("userId = ?1 and networkId = ?2", userId, networkId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public boolean deactivated() {
        return "DEACTIVATED".equals(status);
    }
}
