package io.switchboard.seat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One row of the User Management view. */
@Entity
@Table(name = "user_row")
public class UserRow extends PanacheEntityBase {

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

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;

    @Column(name = "seat_level")
    public String seatLevel;

    @Column(name = "directory_version")
    public long directoryVersion;

    /** Assigned tenants (from directory events): a seat is billed to one of them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tenant_ids")
    public UUID[] tenantIds = new UUID[0];

    @Column(name = "direct_line")
    public String directLine;

    @Column(name = "line_version")
    public long lineVersion = -1;

    @Column(name = "bill_to")
    public UUID billTo;

    /** Counts seat and E911 changes; published as the seat events' version. */
    @Column(name = "seat_version")
    public long seatVersion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "secondary_numbers")
    public String[] secondaryNumbers = new String[0];

    /** The directory's role assignments as JSON: {@code [{"role", "disabledTenantIds"}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "role_assignments")
    public String roleAssignments = "[]";

    /** The version of the {@code user.deactivated} the user is in, whose teardown reports count. */
    @Column(name = "deactivation_version")
    public Long deactivationVersion;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<UserRow> findInNetwork(UUID networkId, UUID userId) {
        return find("userId = ?1 and networkId = ?2", userId, networkId).firstResultOptional();
    }
}
