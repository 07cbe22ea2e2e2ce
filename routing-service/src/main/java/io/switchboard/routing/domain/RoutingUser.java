package io.switchboard.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A hub user as routing-service knows them: directory profile, seat and E911 (seat events), direct line (number events). */
@Entity
@Table(name = "routing_user")
public class RoutingUser extends PanacheEntityBase {

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
    public long directoryVersion = -1;

    @Column(name = "seat_level")
    public String seatLevel = "NONE";

    public boolean e911;

    @Column(name = "seat_version")
    public long seatVersion = -1;

    @Column(name = "direct_line")
    public String directLine;

    @Column(name = "line_version")
    public long lineVersion = -1;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<RoutingUser> findInNetwork(UUID networkId, UUID userId) {
        return find("userId = ?1 and networkId = ?2", userId, networkId).firstResultOptional();
    }

    /** Locks the user's row: changes to one user's queues and voicemail are serial. */
    public static Optional<RoutingUser> lockInNetwork(UUID networkId, UUID userId) {
        return find("userId = ?1 and networkId = ?2", userId, networkId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The row for this user, created empty when an event about them arrives before their creation. */
    public static RoutingUser findOrNew(UUID userId, UUID networkId) {
        RoutingUser user = findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            user = new RoutingUser();
            user.userId = userId;
            user.networkId = networkId;
        }
        return user;
    }

    public boolean active() {
        return status != null && !"DEACTIVATED".equals(status);
    }

    /** What a user lacks to join a queue (seat, direct line, E911 address). */
    public List<String> missingForQueues() {
        List<String> missing = new ArrayList<>();
        if ("NONE".equals(seatLevel)) {
            missing.add("a seat (Basic or Advanced)");
        }
        if (directLine == null) {
            missing.add("a direct line");
        }
        if (!e911) {
            missing.add("an E911 address for the direct line");
        }
        return missing;
    }

    public String fullName() {
        return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    }
}
