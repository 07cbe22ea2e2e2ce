package io.switchboard.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A user's personal voicemail box. */
@Entity
@Table(name = "voicemail_box")
public class VoicemailBox extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "network_id")
    public UUID networkId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "email_notifications")
    public boolean emailNotifications = true;
}
