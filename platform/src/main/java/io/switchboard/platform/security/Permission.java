package io.switchboard.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hub permission catalog (seeds 000–003). The code travels in the token's {@code groups} claim; the label is what
 * an admin sees in Enterprise Hub.
 */
public enum Permission {
    VIEW_MY_TENANTS("hub.tenants.view-mine", "View My Tenants",
            "See the ServiceTitan tenants you are assigned to and switch between them"),
    MAKE_OUTBOUND_CALLS("hub.calls.outbound", "Make Outbound Calls",
            "Place outbound calls from Contact Center Pro"),
    VIEW_USER_MANAGEMENT("hub.user-management.view", "View User Management",
            "See the User Management table, user details and audit logs without changing them"),
    EDIT_USER_MANAGEMENT("hub.user-management.edit", "View & Edit User Management",
            "Create, edit, invite and deactivate users; assign seats, lines, E911 addresses, queues and voicemail"),
    MANAGE_ROLES("hub.roles.manage", "Manage Roles", "Create and edit roles and the permissions they grant"),
    MANAGE_TENANTS("hub.tenants.manage", "Manage Tenants", "Add and edit the network's ServiceTitan tenants"),
    MANAGE_NUMBERS("hub.numbers.manage", "Manage Phone Numbers",
            "Search for, buy and release the network's phone numbers and set their forwarding, SMS, lead and campaign"),
    TELEPHONY_INTAKE("hub.telephony.intake", "Telephony Intake",
            "Deliver voicemail messages from the phone system (for the telephony integration's service account)"),
    MANAGE_SIGN_IN("hub.sign-in.manage", "Manage Sign-In & Provisioning",
            "Register the network's single sign-on issuer and issue the SCIM provisioning secret");

    private final String code;
    private final String label;
    private final String description;

    Permission(String code, String label, String description) {
        this.code = code;
        this.label = label;
        this.description = description;
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

    public static Optional<Permission> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
