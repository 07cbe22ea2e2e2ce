package io.switchboard.platform.contract;

import java.util.UUID;

/** A tenant as user events carry it: enough for sync-service to call ServiceTitan without asking the directory. */
public record TenantRef(UUID tenantId, long serviceTitanTenantId, String name) {
}
