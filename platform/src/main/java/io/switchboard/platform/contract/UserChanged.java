package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change to an existing user on {@value Topics#DIRECTORY_USERS}, key = user id. The body is the user's whole state
 * after the change (the same fields as {@link UserCreated}) plus what the change was:
 * <ul>
 *   <li>{@value #UPDATED}: name, email or phone; {@code previousEmail} is set when the email changed.</li>
 *   <li>{@value #ROLES_CHANGED}: roles or their per-tenant switches.</li>
 *   <li>{@value #TENANTS_CHANGED}: assigned tenants; {@code addedTenantIds} / {@code removedTenantIds} say which, and
 *       {@code status} says whether the user was already active when a tenant was added.</li>
 *   <li>{@value #ACTIVATED}: the user accepted their invitation (or was activated through SCIM).</li>
 *   <li>{@value #REACTIVATED}: a deactivated user may sign in again; nothing else comes back.</li>
 * </ul>
 */
public record UserChanged(
        UUID userId,
        UUID networkId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String status,
        List<String> roles,
        List<UUID> tenantIds,
        long version,
        Instant occurredAt,
        List<RoleAssignment> roleAssignments,
        List<TenantRef> tenants,
        String previousEmail,
        List<UUID> addedTenantIds,
        List<UUID> removedTenantIds) {

    public static final String UPDATED = "user.updated";
    public static final String ROLES_CHANGED = "user.roles.changed";
    public static final String TENANTS_CHANGED = "user.tenants.changed";
    public static final String ACTIVATED = "user.activated";
    public static final String REACTIVATED = "user.reactivated";

    public static final List<String> TYPES = List.of(UPDATED, ROLES_CHANGED, TENANTS_CHANGED, ACTIVATED, REACTIVATED);
}
