package io.switchboard.platform.contract;

import java.util.List;
import java.util.UUID;

/** A role a user holds, and the assigned tenants it is switched off for. */
public record RoleAssignment(String role, List<UUID> disabledTenantIds) {
}
