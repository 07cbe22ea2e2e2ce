package io.switchboard.sync.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "directory_user")
public class DirectoryUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "network_id")
    public UUID networkId;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String status;

    @Column(name = "directory_version")
    public long directoryVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<DirectoryUser> findInNetwork(UUID networkId, UUID userId) {
        return find("userId = ?1 and networkId = ?2", userId, networkId).firstResultOptional();
    }
}
