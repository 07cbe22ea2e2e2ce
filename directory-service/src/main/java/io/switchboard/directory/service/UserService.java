package io.switchboard.directory.service;

import io.switchboard.directory.domain.BuiltInRole;
import io.switchboard.directory.domain.Role;
import io.switchboard.directory.domain.RoleTenantDisabled;
import io.switchboard.directory.domain.Tenant;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.NameCursor;
import io.switchboard.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Users of a network; every change commits together with the event that announces it. */
@ApplicationScoped
public class UserService {

    public record NewUser(String firstName, String lastName, String email, String phone, List<String> roles,
                          List<UUID> tenantIds) {
    }

    /** Fields left null stay as they are; a blank phone removes it. */
    public record ProfileChange(String firstName, String lastName, String email, String phone) {
    }

    public record RoleGrant(String role, List<UUID> disabledTenantIds) {
    }

    public record ListQuery(String search, String role, UUID tenantId, UserStatus status, int limit, String cursor) {
    }

    public record Page(List<User> users, String nextCursor) {
    }

    private static final int RARE_SEARCH_ROWS = 5_000;

    private final UserEvents events;
    private final PasswordHasher hasher;
    private final InvitationService invitations;

    public UserService(UserEvents events, PasswordHasher hasher, InvitationService invitations) {
        this.events = events;
        this.hasher = hasher;
        this.invitations = invitations;
    }

    /** Creates an invited user and e-mails their invitation once the user is committed. */
    @Transactional
    public User create(UUID networkId, NewUser request, String actor) {
        User user = insert(networkId, request, UserStatus.INVITED, null, null, actor);
        invitations.issue(user, actor);
        return user;
    }

    /** Creates a network's first admin, active at once with the password given at bootstrap. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User createFirstAdmin(UUID networkId, NewUser request, String password, String actor) {
        return insert(networkId, request, UserStatus.ACTIVE, hasher.hash(password), null, actor);
    }

    /** A user provisioned by the network's identity provider: they sign in through it, so no invitation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User createProvisioned(UUID networkId, NewUser request, boolean active, String externalId, String actor) {
        User user = insert(networkId, request, active ? UserStatus.ACTIVE : UserStatus.DEACTIVATED, null, externalId, actor);
        if (!active) {
            user.deactivatedAt = user.createdAt;
        }
        return user;
    }

    @Transactional
    public User get(UUID networkId, UUID userId) {
        return User.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
    }

    /**
     * Users in name order, searched and filtered from indexes, one keyset page at a time.
     *
     * <p>Walking the name index and filtering is fast when matches are dense, but crosses most of the table to reach a
     * rare name late in the alphabet. So a search of three or more characters (pg_trgm's minimum) first collects its
     * matches through the trigram index, up to {@value #RARE_SEARCH_ROWS}, and sorts them; only a search matching more
     * than that walks the name index instead.
     */
    @Transactional
    public Page list(UUID networkId, ListQuery query) {
        StringBuilder where = new StringBuilder("u.network_id = :network");
        Map<String, Object> params = new HashMap<>();
        params.put("network", networkId);
        String search = query.search() == null ? "" : query.search().trim().toLowerCase();
        if (!search.isEmpty()) {
            where.append(" and u.search_text like :search escape '\\'");
            params.put("search", "%" + escapeLike(search) + "%");
        }
        if (query.role() != null) {
            where.append(" and exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)");
            params.put("role", query.role());
        }
        if (query.tenantId() != null) {
            where.append(" and exists (select 1 from user_tenant t where t.user_id = u.id and t.tenant_id = :tenant)");
            params.put("tenant", query.tenantId());
        }
        if (query.status() != null) {
            where.append(" and u.status = :status");
            params.put("status", query.status().name());
        }
        NameCursor after = NameCursor.decode(query.cursor());
        if (after != null) {
            where.append(" and (lower(u.last_name), lower(u.first_name), u.id) > (:cLast, :cFirst, :cId)");
            params.put("cLast", after.lastName());
            params.put("cFirst", after.firstName());
            params.put("cId", after.id());
        }
        params.put("limit", query.limit() + 1);
        List<UUID> ids = null;
        if (search.length() >= 3) {
            ids = rareMatches(where, params);
        }
        if (ids == null) {
            ids = ids("select u.id from app_user u where " + where
                    + " order by lower(u.last_name), lower(u.first_name), u.id limit :limit", params);
        }
        Map<UUID, User> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            User.<User>list("id in ?1", ids).forEach(u -> loaded.put(u.id, u));
        }
        List<User> rows = ids.stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            User last = rows.get(rows.size() - 1);
            next = NameCursor.after(last.lastName, last.firstName, last.id).encode();
        }
        return new Page(rows, next);
    }

    /** The page's ids when fewer than {@value #RARE_SEARCH_ROWS} users match, else null; one pass over the matches. */
    private static List<UUID> rareMatches(StringBuilder where, Map<String, Object> params) {
        var query = User.getEntityManager().createNativeQuery("""
                        with m as materialized (
                            select u.id, lower(u.last_name) as ln, lower(u.first_name) as fn from app_user u
                             where %s limit %d)
                        select m.id, (select count(*) from m) from m order by m.ln, m.fn, m.id limit :limit"""
                        .formatted(where, RARE_SEARCH_ROWS + 1), Object[].class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (!rows.isEmpty() && ((Number) rows.get(0)[1]).intValue() > RARE_SEARCH_ROWS) {
            return null;
        }
        return rows.stream().map(r -> (UUID) r[0]).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(String sql, Map<String, Object> params) {
        var query = User.getEntityManager().createNativeQuery(sql, UUID.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    @Transactional
    public User updateProfile(UUID networkId, UUID userId, ProfileChange change, Versions.Expected expected, String actor) {
        User user = get(networkId, userId);
        expected.check(user.version);
        String previousEmail = null;
        if (change.email() != null && !change.email().trim().equalsIgnoreCase(user.email)) {
            requireFreeEmail(networkId, change.email().trim(), user.id);
            previousEmail = user.email;
        }
        if (change.email() != null) {
            user.email = change.email().trim();
        }
        if (change.firstName() != null) {
            user.firstName = change.firstName().trim();
        }
        if (change.lastName() != null) {
            user.lastName = change.lastName().trim();
        }
        if (change.phone() != null) {
            user.phone = change.phone().isBlank() ? null : change.phone().trim();
        }
        touchAndFlush(user, change.email());
        events.changed(UserChanged.UPDATED, user, actor, previousEmail, List.of(), List.of());
        return user;
    }

    /** Replaces the user's roles and, per role, the assigned tenants it is switched off for. */
    @Transactional
    public User setRoles(UUID networkId, UUID userId, List<RoleGrant> grants, Versions.Expected expected, String actor) {
        User user = get(networkId, userId);
        expected.check(user.version);
        List<String> keys = validRoles(networkId, grants.stream().map(RoleGrant::role).toList());
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<RoleTenantDisabled> disabled = new LinkedHashSet<>();
        for (int i = 0; i < grants.size(); i++) {
            List<UUID> off = grants.get(i).disabledTenantIds() == null ? List.of() : grants.get(i).disabledTenantIds();
            for (int j = 0; j < off.size(); j++) {
                if (!user.tenantIds.contains(off.get(j))) {
                    errors.add(new Problem.FieldError("roles[" + i + "].disabledTenantIds[" + j + "]",
                            "tenant " + off.get(j) + " is not assigned to this user; a role can only be switched off for one of the user's tenants"));
                } else {
                    disabled.add(new RoleTenantDisabled(grants.get(i).role(), off.get(j)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!keys.contains(BuiltInRole.NETWORK_ADMIN.code())) {
            requireAnotherAdmin(user, "take the Network Admin role away from");
        }
        user.roles.clear();
        user.roles.addAll(keys);
        user.disabledRoleTenants.clear();
        user.disabledRoleTenants.addAll(disabled);
        touchAndFlush(user, user.email);
        events.changed(UserChanged.ROLES_CHANGED, user, actor);
        return user;
    }

    /**
     * Replaces the user's assigned tenants. The event names the tenants added and removed, so that sync-service writes
     * the user's direct line into a tenant added to an active user (the seeds' known gap).
     */
    @Transactional
    public User setTenants(UUID networkId, UUID userId, List<UUID> tenantIds, Versions.Expected expected, String actor) {
        User user = get(networkId, userId);
        expected.check(user.version);
        Set<UUID> wanted = new LinkedHashSet<>(validTenants(networkId, tenantIds, "tenantIds"));
        Set<UUID> added = new LinkedHashSet<>(wanted);
        added.removeAll(user.tenantIds);
        Set<UUID> removed = new LinkedHashSet<>(user.tenantIds);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            return user;
        }
        user.tenantIds.clear();
        user.tenantIds.addAll(wanted);
        user.disabledRoleTenants.removeIf(d -> removed.contains(d.tenantId));
        touchAndFlush(user, user.email);
        events.changed(UserChanged.TENANTS_CHANGED, user, actor, null, added, removed);
        return user;
    }

    /** Deactivating an already deactivated user changes nothing and publishes nothing. */
    @Transactional
    public User deactivate(UUID networkId, UUID userId, UUID callerId, String actor) {
        User user = get(networkId, userId);
        if (user.status == UserStatus.DEACTIVATED) {
            return user;
        }
        if (user.id.equals(callerId)) {
            throw ProblemException.conflict("You cannot deactivate yourself; ask another network admin");
        }
        requireAnotherAdmin(user, "deactivate");
        Instant now = Instant.now();
        user.status = UserStatus.DEACTIVATED;
        user.deactivatedAt = now;
        user.updatedAt = now;
        user.flush();
        invitations.revokeOpen(user.id, now);
        events.deactivated(user, actor, now);
        return user;
    }

    /**
     * Restores sign-in only: seat, lines, voicemail and queues were torn down and stay so. A user who never accepted
     * their invitation goes back to invited (an admin resends it).
     */
    @Transactional
    public User reactivate(UUID networkId, UUID userId, String actor) {
        User user = get(networkId, userId);
        if (user.status != UserStatus.DEACTIVATED) {
            return user;
        }
        user.status = user.passwordHash != null || user.externalId != null ? UserStatus.ACTIVE : UserStatus.INVITED;
        user.deactivatedAt = null;
        user.failedSignIns = 0;
        user.lockedUntil = null;
        user.updatedAt = Instant.now();
        user.flush();
        events.changed(UserChanged.REACTIVATED, user, actor);
        return user;
    }

    /** A network never loses its last active admin: no one could manage it any more. */
    private static void requireAnotherAdmin(User user, String action) {
        String admin = BuiltInRole.NETWORK_ADMIN.code();
        if (user.status != UserStatus.ACTIVE || !user.roles.contains(admin)) {
            return;
        }
        long others = User.count("networkId = ?1 and status = ?2 and ?3 member of roles and id <> ?4",
                user.networkId, UserStatus.ACTIVE, admin, user.id);
        if (others == 0) {
            throw ProblemException.conflict("You cannot " + action + " " + user.fullName()
                    + ": they are the network's last active Network Admin; make someone else an admin first");
        }
    }

    private User insert(UUID networkId, NewUser request, UserStatus status, String passwordHash, String externalId,
                        String actor) {
        List<String> roles = validRoles(networkId, request.roles());
        List<UUID> tenants = validTenants(networkId, request.tenantIds() == null ? List.of() : request.tenantIds(), "tenantIds");
        requireFreeEmail(networkId, request.email(), null);
        User user = new User();
        user.id = UUID.randomUUID();
        user.networkId = networkId;
        user.email = request.email().trim();
        user.firstName = request.firstName().trim();
        user.lastName = request.lastName().trim();
        user.phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().trim();
        user.status = status;
        user.passwordHash = passwordHash;
        user.externalId = externalId;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        user.roles = new LinkedHashSet<>(roles);
        user.tenantIds = new LinkedHashSet<>(tenants);
        try {
            user.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw emailRace(e, request.email());
        }
        events.created(user, actor);
        return user;
    }

    private void touchAndFlush(User user, String email) {
        user.updatedAt = Instant.now();
        try {
            user.flush();
        } catch (ConstraintViolationException e) {
            throw emailRace(e, email);
        }
    }

    private static RuntimeException emailRace(ConstraintViolationException e, String email) {
        // Another request took the email between our check and our write.
        if (e.getConstraintName() != null && e.getConstraintName().contains("app_user_email_per_network")) {
            return ProblemException.conflict("The email " + email + " was just taken by another user in this network");
        }
        return e;
    }

    private static void requireFreeEmail(UUID networkId, String email, UUID self) {
        User.findByEmail(networkId, email.trim()).filter(holder -> !holder.id.equals(self)).ifPresent(holder -> {
            throw ProblemException.conflict("The email " + email.trim() + " is already used by " + holder.fullName()
                    + " (user " + holder.id + ") in this network");
        });
    }

    static List<String> validRoles(UUID networkId, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalidField("roles", "give at least one role; GET /api/v1/roles lists them");
        }
        Set<String> known = new HashSet<>();
        Role.findByKeys(networkId, requested.stream().filter(java.util.Objects::nonNull).toList())
                .forEach(r -> known.add(r.key));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                errors.add(new Problem.FieldError("roles[" + i + "]",
                        "unknown role '" + requested.get(i) + "'; GET /api/v1/roles lists the network's roles"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return requested.stream().distinct().toList();
    }

    static List<UUID> validTenants(UUID networkId, List<UUID> requested, String field) {
        Set<UUID> known = new HashSet<>();
        Tenant.findAllInNetwork(networkId, requested.stream().filter(java.util.Objects::nonNull).toList())
                .forEach(t -> known.add(t.id));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                errors.add(new Problem.FieldError(field + "[" + i + "]",
                        "no tenant " + requested.get(i) + " in this network; GET /api/v1/tenants lists them"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return requested.stream().distinct().toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
