package io.switchboard.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The bearer secret a network's identity provider presents to /scim/v2; stored as its SHA-256. */
@Entity
@Table(name = "scim_credential")
public class ScimCredential extends PanacheEntityBase {

    @Id
    @Column(name = "network_id")
    public UUID networkId;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "created_at")
    public Instant createdAt;
}
