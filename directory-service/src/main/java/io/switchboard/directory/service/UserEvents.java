package io.switchboard.directory.service;

import io.switchboard.directory.domain.Tenant;
import io.switchboard.directory.domain.User;
import io.switchboard.platform.contract.RoleAssignment;
import io.switchboard.platform.contract.TenantRef;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Publishes user events through the outbox, in the caller's transaction, each carrying the user's whole state after the
 * change. Call after the change is flushed, so the version is the one the database holds.
 */
@ApplicationScoped
public class UserEvents {

    private final Outbox outbox;

    public UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(User user, String actor) {
        outbox.publish(Topics.DIRECTORY_USERS, user.id.toString(), UserCreated.TYPE, user.networkId, actor,
                new UserCreated(user.id, user.networkId, user.email, user.firstName, user.lastName, user.phone,
                        user.status.name(), List.copyOf(user.roles), List.copyOf(user.tenantIds), user.version,
                        user.updatedAt, roleAssignments(user), tenants(user)));
    }

    public void changed(String type, User user, String actor, String previousEmail,
                        Collection<UUID> added, Collection<UUID> removed) {
        outbox.publish(Topics.DIRECTORY_USERS, user.id.toString(), type, user.networkId, actor,
                new UserChanged(user.id, user.networkId, user.email, user.firstName, user.lastName, user.phone,
                        user.status.name(), List.copyOf(user.roles), List.copyOf(user.tenantIds), user.version,
                        user.updatedAt, roleAssignments(user), tenants(user), previousEmail, List.copyOf(added),
                        List.copyOf(removed)));
    }

    public void changed(String type, User user, String actor) {
        changed(type, user, actor, null, List.of(), List.of());
    }

    public void deactivated(User user, String actor, Instant at) {
        outbox.publish(Topics.DIRECTORY_USERS, user.id.toString(), UserDeactivated.TYPE, user.networkId, actor,
                new UserDeactivated(user.id, user.networkId, user.email, user.version, at));
    }

    static List<RoleAssignment> roleAssignments(User user) {
        return user.roles.stream()
                .map(role -> new RoleAssignment(role, user.disabledRoleTenants.stream()
                        .filter(d -> d.role.equals(role)).map(d -> d.tenantId).sorted().toList()))
                .toList();
    }

    static List<TenantRef> tenants(User user) {
        return Tenant.findAllInNetwork(user.networkId, user.tenantIds).stream()
                .map(t -> new TenantRef(t.id, t.serviceTitanTenantId, t.name)).toList();
    }
}
