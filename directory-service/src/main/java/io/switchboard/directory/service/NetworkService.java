package io.switchboard.directory.service;

import io.switchboard.directory.domain.BuiltInRole;
import io.switchboard.directory.domain.Network;
import io.switchboard.directory.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NetworkService {

    public record Bootstrapped(Network network, User admin) {
    }

    private final UserService users;
    private final RoleService roles;

    public NetworkService(UserService users, RoleService roles) {
        this.users = users;
        this.roles = roles;
    }

    /** Creates a network with its first admin in one transaction: both exist, or neither does. */
    @Transactional
    public Bootstrapped bootstrap(String name, UserService.NewUser admin, String password) {
        Network network = new Network();
        network.id = UUID.randomUUID();
        network.name = name.trim();
        network.createdAt = Instant.now();
        network.persistAndFlush();
        roles.createBuiltIns(network.id, "bootstrap");
        UserService.NewUser asAdmin = new UserService.NewUser(admin.firstName(), admin.lastName(), admin.email(),
                admin.phone(), List.of(BuiltInRole.NETWORK_ADMIN.code()), List.of());
        User user = users.createFirstAdmin(network.id, asAdmin, password, "bootstrap");
        return new Bootstrapped(network, user);
    }
}
