package io.switchboard.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "network_id")
    public UUID networkId;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String phone;

    @Enumerated(EnumType.STRING)
    public UserStatus status;

    @Column(name = "password_hash")
    public String passwordHash;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    public Set<String> roles = new LinkedHashSet<>();

    /** Another network's user does not exist for the caller. */
    public static Optional<User> findInNetwork(UUID networkId, UUID id) {
        return find("id = ?1 and networkId = ?2", id, networkId).firstResultOptional();
    }

    public static Optional<User> findByEmail(UUID networkId, String email) {
        return find("networkId = ?1 and lower(email) = lower(?2)", networkId, email).firstResultOptional();
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
