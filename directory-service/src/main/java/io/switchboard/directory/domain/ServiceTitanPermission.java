package io.switchboard.directory.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * ServiceTitan-level permissions (seed 002): what a role lets its holder do inside each tenant they are assigned to.
 * They travel in the token's {@code tenant_permissions} claim, per tenant.
 */
public enum ServiceTitanPermission {
    TAKE_CALLS("st.calls.take", "Take Calls", "Answer inbound calls routed to the tenant"),
    VIEW_CUSTOMERS("st.customers.view", "View Customers", "See customers, locations and their history"),
    EDIT_CUSTOMERS("st.customers.edit", "Create & Edit Customers", "Add customers and locations and change their details"),
    BOOK_JOBS("st.jobs.book", "Book Jobs", "Book jobs and appointments from a call"),
    DISPATCH_BOARD("st.dispatch.board", "Dispatch Board", "See and change the dispatch board"),
    VIEW_INVOICES("st.invoices.view", "View Invoices", "See invoices and payments"),
    VIEW_REPORTS("st.reports.view", "View Reports", "Run and see reports"),
    MANAGE_EMPLOYEES("st.employees.manage", "Manage Employees", "Edit employee profiles in the tenant");

    private final String code;
    private final String label;
    private final String description;

    ServiceTitanPermission(String code, String label, String description) {
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

    public static Optional<ServiceTitanPermission> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
