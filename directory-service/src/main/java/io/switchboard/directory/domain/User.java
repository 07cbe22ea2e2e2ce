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
import io.switchboard.platform.rest.Paging;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;

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

    @OptimisticLock(excluded = true)
    @Column(name = "invite_sent_at")
    public Instant inviteSentAt;

    // Sign-in bookkeeping is not an edit of the user: it must not make an admin's If-Match stale.
    @OptimisticLock(excluded = true)
    @Column(name = "failed_sign_ins")
    public int failedSignIns;

    @OptimisticLock(excluded = true)
    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** lower(first name, last name, email): maintained by the database, searched through a trigram index. */
    @Column(name = "search_text", insertable = false, updatable = false)
    public String searchText;

    /** The identity provider's id for this user (SCIM {@code externalId}). */
    @Column(name = "external_id")
    public String externalId;

    // A page of users loads each collection in one query by the page's ids, not one query per user.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Paging.MAX_LIMIT)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    public Set<String> roles = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Paging.MAX_LIMIT)
    @CollectionTable(name = "user_role_disabled_tenant", joinColumns = @JoinColumn(name = "user_id"))
    public Set<RoleTenantDisabled> disabledRoleTenants = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Paging.MAX_LIMIT)
    @CollectionTable(name = "user_tenant", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "tenant_id")
    public Set<UUID> tenantIds = new LinkedHashSet<>();

    /** Another network's user does not exist for the caller. */
    public static Optional<User> findInNetwork(UUID networkId, UUID id) {
        return find("id = ?1 and networkId = ?2", id, networkId).firstResultOptional();
    }

    public static Optional<User> findByEmail(UUID networkId, String email) {
        return find("networkId = ?1 and lower(email) = lower(?2)", networkId, email).firstResultOptional();
    }

    public boolean isRoleEnabledFor(String role, UUID tenantId) {
        return roles.contains(role) && !disabledRoleTenants.contains(new RoleTenantDisabled(role, tenantId));
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
