package io.switchboard.directory.rest;

import io.switchboard.directory.domain.User;
import io.switchboard.platform.contract.RoleAssignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hub user. {@code invitation} is "Invite sent" (with {@code inviteSentAt}) while the user has not accepted yet,
 * as the hub's user list shows it.
 */
public record UserRepresentation(
        UUID id,
        UUID networkId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String status,
        List<String> roles,
        List<RoleAssignment> roleAssignments,
        List<UUID> tenantIds,
        String invitation,
        Instant inviteSentAt,
        String externalId,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant deactivatedAt) {

    static UserRepresentation of(User u) {
        List<RoleAssignment> assignments = u.roles.stream()
                .map(role -> new RoleAssignment(role, u.disabledRoleTenants.stream()
                        .filter(d -> d.role.equals(role)).map(d -> d.tenantId).sorted().toList()))
                .toList();
        String invitation = switch (u.status) {
            case INVITED -> u.inviteSentAt != null ? "Invite sent" : "Not invited";
            case ACTIVE -> "Accepted";
            case DEACTIVATED -> null;
        };
        return new UserRepresentation(u.id, u.networkId, u.email, u.firstName, u.lastName, u.phone,
                u.status.name().toLowerCase(), List.copyOf(u.roles), assignments, List.copyOf(u.tenantIds), invitation,
                u.inviteSentAt, u.externalId, u.version, u.createdAt, u.updatedAt, u.deactivatedAt);
    }
}
