package io.switchboard.directory.service;

import io.switchboard.directory.domain.BuiltInRole;
import io.switchboard.directory.domain.Role;
import io.switchboard.directory.domain.ServiceTitanPermission;
import io.switchboard.directory.domain.User;
import io.switchboard.platform.contract.RoleChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import io.switchboard.platform.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Roles: the built-in ones every network starts with, and the custom ones its admins define. */
@ApplicationScoped
public class RoleService {

    public record RoleDraft(String name, String description, List<String> hubPermissions,
                            List<String> serviceTitanPermissions) {
    }

    private final Outbox outbox;

    public RoleService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Gives a new network its built-in roles. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createBuiltIns(UUID networkId, String actor) {
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            Role role = new Role();
            role.id = UUID.randomUUID();
            role.networkId = networkId;
            role.key = builtIn.code();
            role.name = builtIn.label();
            role.description = builtIn.description();
            role.builtIn = true;
            role.hubPermissions = builtIn.permissions().stream().map(Permission::code).sorted().toArray(String[]::new);
            role.serviceTitanPermissions = builtIn.serviceTitanPermissions().stream().map(ServiceTitanPermission::code)
                    .sorted().toArray(String[]::new);
            role.createdAt = Instant.now();
            role.updatedAt = role.createdAt;
            role.persistAndFlush();
            publish(RoleChanged.CREATED, role, false, actor);
        }
    }

    @Transactional
    public List<Role> list(UUID networkId) {
        return Role.listInNetwork(networkId);
    }

    @Transactional
    public Role get(UUID networkId, String key) {
        return Role.findByKey(networkId, key).orElseThrow(() -> ProblemException.notFound("Role", key));
    }

    @Transactional
    public Role create(UUID networkId, RoleDraft draft, String actor) {
        Role role = new Role();
        role.id = UUID.randomUUID();
        role.networkId = networkId;
        role.key = uniqueKey(networkId, draft.name());
        apply(role, draft);
        role.createdAt = Instant.now();
        role.updatedAt = role.createdAt;
        role.persistAndFlush();
        publish(RoleChanged.CREATED, role, false, actor);
        return role;
    }

    @Transactional
    public Role update(UUID networkId, String key, RoleDraft draft, Versions.Expected expected, String actor) {
        Role role = get(networkId, key);
        refuseBuiltIn(role);
        expected.check(role.version);
        apply(role, draft);
        role.updatedAt = Instant.now();
        role.flush();
        publish(RoleChanged.UPDATED, role, false, actor);
        return role;
    }

    @Transactional
    public void delete(UUID networkId, String key, String actor) {
        Role role = get(networkId, key);
        refuseBuiltIn(role);
        long holders = User.count("networkId = ?1 and ?2 member of roles", networkId, key);
        if (holders > 0) {
            throw ProblemException.conflict("Role " + role.name + " is held by " + holders
                    + " user(s); take it away from them first");
        }
        publish(RoleChanged.DELETED, role, true, actor);
        role.delete();
    }

    private static void refuseBuiltIn(Role role) {
        if (role.builtIn) {
            throw ProblemException.conflict("The built-in role " + role.name
                    + " cannot be changed; create a custom role with the permissions you need");
        }
    }

    private static void apply(Role role, RoleDraft draft) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> hub = draft.hubPermissions() == null ? List.of() : draft.hubPermissions();
        List<String> st = draft.serviceTitanPermissions() == null ? List.of() : draft.serviceTitanPermissions();
        for (int i = 0; i < hub.size(); i++) {
            if (hub.get(i) == null || Permission.byCode(hub.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("hubPermissions[" + i + "]", "unknown hub permission '" + hub.get(i)
                        + "'; GET /api/v1/permissions lists them"));
            }
        }
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i) == null || ServiceTitanPermission.byCode(st.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("serviceTitanPermissions[" + i + "]", "unknown ServiceTitan permission '"
                        + st.get(i) + "'; GET /api/v1/permissions lists them"));
            }
        }
        if (hub.isEmpty() && st.isEmpty()) {
            errors.add(new Problem.FieldError("hubPermissions", "a role must grant at least one permission"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String name = draft.name().trim();
        Role.<Role>find("networkId = ?1 and lower(name) = lower(?2) and id <> ?3", role.networkId, name, role.id)
                .firstResultOptional().ifPresent(other -> {
                    throw ProblemException.conflict("The network already has a role named " + other.name + " (key " + other.key + ")");
                });
        role.name = name;
        role.description = draft.description() == null || draft.description().isBlank() ? null : draft.description().trim();
        role.hubPermissions = hub.stream().distinct().sorted().toArray(String[]::new);
        role.serviceTitanPermissions = st.stream().distinct().sorted().toArray(String[]::new);
    }

    /** "Dispatch Lead (West)" → "dispatch-lead-west", suffixed when taken. */
    private static String uniqueKey(UUID networkId, String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "role";
        }
        String key = base;
        for (int n = 2; Role.findByKey(networkId, key).isPresent(); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private void publish(String type, Role role, boolean deleted, String actor) {
        outbox.publish(Topics.DIRECTORY_ROLES, role.id.toString(), type, role.networkId, actor,
                new RoleChanged(role.id, role.networkId, role.key, role.name, role.description, role.builtIn,
                        Arrays.asList(role.hubPermissions), Arrays.asList(role.serviceTitanPermissions), deleted,
                        role.version, role.updatedAt));
    }
}
