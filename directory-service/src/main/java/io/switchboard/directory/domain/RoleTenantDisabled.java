package io.switchboard.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** One of a user's roles switched off for one of their tenants. */
@Embeddable
public class RoleTenantDisabled {

    public String role;

    @Column(name = "tenant_id")
    public UUID tenantId;

    public RoleTenantDisabled() {
    }

    public RoleTenantDisabled(String role, UUID tenantId) {
        this.role = role;
        this.tenantId = tenantId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleTenantDisabled other && Objects.equals(role, other.role) && Objects.equals(tenantId, other.tenantId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, tenantId);
    }
}
