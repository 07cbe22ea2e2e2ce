package io.switchboard.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message left in a personal voicemail box; the audio itself stays with the telephony side ({@code audioRef}). */
@Entity
@Table(name = "voicemail_message")
public class VoicemailMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "box_user_id")
    public UUID boxUserId;

    @Column(name = "network_id")
    public UUID networkId;

    public String caller;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "duration_seconds")
    public int durationSeconds;

    @Column(name = "audio_ref")
    public String audioRef;

    @Column(name = "read_at")
    public Instant readAt;
}
