package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value #TYPE} on {@value Topics#SYNC_LINKS}, key = user id: ServiceTitan accepted the user's Office Phone in one tenant
 * ({@code phoneNumber} null = cleared).
 */
public record OfficePhoneWritten(UUID userId, UUID networkId, UUID tenantId, long serviceTitanTenantId, long employeeId,
                                 String phoneNumber, Instant occurredAt) {

    public static final String TYPE = "sync.officephone.written";
}
