package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code tenant.created}, {@code tenant.updated} or {@code tenant.deleted} on {@value Topics#DIRECTORY_TENANTS},
 * key = tenant id. The tenant's whole state; a deleted tenant carries its last state with {@code deleted = true}.
 */
public record TenantChanged(
        UUID tenantId,
        UUID networkId,
        String name,
        long serviceTitanTenantId,
        boolean deleted,
        long version,
        Instant occurredAt) {

    public static final String CREATED = "tenant.created";
    public static final String UPDATED = "tenant.updated";
    public static final String DELETED = "tenant.deleted";
}
