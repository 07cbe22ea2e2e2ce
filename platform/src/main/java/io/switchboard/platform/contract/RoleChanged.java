package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code role.created}, {@code role.updated} or {@code role.deleted} on {@value Topics#DIRECTORY_ROLES}, key = role id.
 * The role's whole state; a deleted role carries its last state with {@code deleted = true}.
 */
public record RoleChanged(
        UUID roleId,
        UUID networkId,
        String key,
        String name,
        String description,
        boolean builtIn,
        List<String> hubPermissions,
        List<String> serviceTitanPermissions,
        boolean deleted,
        long version,
        Instant occurredAt) {

    public static final String CREATED = "role.created";
    public static final String UPDATED = "role.updated";
    public static final String DELETED = "role.deleted";
}
