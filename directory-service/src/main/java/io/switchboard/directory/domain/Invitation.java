package io.switchboard.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An invitation e-mailed to a user; only the SHA-256 of its token is stored. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** Set when a newer invitation replaced this one, or the user was deactivated. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<Invitation> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static void revokeOpen(UUID userId, Instant at) {
        update("revokedAt = ?1 where userId = ?2 and acceptedAt is null and revokedAt is null", at, userId);
    }
}
