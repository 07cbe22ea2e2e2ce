package io.switchboard.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A network's external OIDC issuer: its ID tokens sign users of that network in. */
@Entity
@Table(name = "sso_issuer")
public class SsoIssuer extends PanacheEntityBase {

    @Id
    @Column(name = "network_id")
    public UUID networkId;

    public String issuer;

    /** Where the issuer publishes its keys; or {@link #jwks} holds them inline. */
    @Column(name = "jwks_uri")
    public String jwksUri;

    public String jwks;

    /** When set, the ID token's {@code aud} must contain it. */
    public String audience;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
