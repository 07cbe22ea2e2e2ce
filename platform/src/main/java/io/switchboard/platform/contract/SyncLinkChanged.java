package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The link between a hub user and their ServiceTitan employee in one tenant, on {@value Topics#SYNC_LINKS}, key = user id:
 * {@value #LINKED} (one employee has the user's email), {@value #NOT_FOUND} (none has), {@value #AMBIGUOUS} (several
 * have; {@code employeeId} is null). Not found and ambiguous are what seat-service shows as alerts.
 */
public record SyncLinkChanged(UUID userId, UUID networkId, UUID tenantId, long serviceTitanTenantId, String email,
                              String status, Long employeeId, int candidates, Instant occurredAt) {

    public static final String LINKED = "sync.link.linked";
    public static final String NOT_FOUND = "sync.link.not-found";
    public static final String AMBIGUOUS = "sync.link.ambiguous";
}
