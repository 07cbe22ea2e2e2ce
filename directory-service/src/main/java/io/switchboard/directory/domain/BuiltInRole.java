package io.switchboard.directory.domain;

import io.switchboard.platform.security.Permission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The roles every network starts with (seed 002). Custom roles come with the Directory issue. */
public enum BuiltInRole {
    NETWORK_ADMIN("network-admin", "Network Admin", EnumSet.allOf(Permission.class)),
    CONTACT_CENTER_AGENT("contact-center-agent", "Contact Center Agent",
            EnumSet.of(Permission.VIEW_MY_TENANTS, Permission.MAKE_OUTBOUND_CALLS));

    private final String code;
    private final String label;
    private final Set<Permission> permissions;

    BuiltInRole(String code, String label, Set<Permission> permissions) {
        this.code = code;
        this.label = label;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<BuiltInRole> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
