package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code user.created} on {@value Topics#DIRECTORY_USERS}, key = user id. Carries the whole user so consumers never
 * call back. {@code version} grows with every change of the user; consumers ignore anything older than what they hold.
 * {@code roles} and {@code tenantIds} are kept for consumers written before {@code roleAssignments} and {@code tenants}.
 */
public record UserCreated(
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
        List<TenantRef> tenants) {

    public static final String TYPE = "user.created";
}
