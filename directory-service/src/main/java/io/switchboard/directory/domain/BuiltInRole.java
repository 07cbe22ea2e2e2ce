package io.switchboard.directory.domain;

import io.switchboard.platform.security.Permission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles every network starts with (seeds 000 and 002). They are read-only: an admin who wants a variant creates a
 * custom role, so no one can lock the network out by editing the admin role.
 */
public enum BuiltInRole {
    NETWORK_ADMIN("network-admin", "Network Admin", "Manages users, roles, tenants and sign-in for the network",
            EnumSet.allOf(Permission.class), EnumSet.allOf(ServiceTitanPermission.class)),
    CONTACT_CENTER_AGENT("contact-center-agent", "Contact Center Agent",
            "Takes and places calls (seed 000: at least View My Tenants and Make Outbound Calls)",
            EnumSet.of(Permission.VIEW_MY_TENANTS, Permission.MAKE_OUTBOUND_CALLS),
            EnumSet.of(ServiceTitanPermission.TAKE_CALLS, ServiceTitanPermission.VIEW_CUSTOMERS,
                    ServiceTitanPermission.EDIT_CUSTOMERS, ServiceTitanPermission.BOOK_JOBS));

    private final String code;
    private final String label;
    private final String description;
    private final Set<Permission> permissions;
    private final Set<ServiceTitanPermission> serviceTitanPermissions;

    BuiltInRole(String code, String label, String description, Set<Permission> permissions,
                Set<ServiceTitanPermission> serviceTitanPermissions) {
        this.code = code;
        this.label = label;
        this.description = description;
        this.permissions = permissions;
        this.serviceTitanPermissions = serviceTitanPermissions;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public Set<ServiceTitanPermission> serviceTitanPermissions() {
        return serviceTitanPermissions;
    }

    public static Optional<BuiltInRole> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
