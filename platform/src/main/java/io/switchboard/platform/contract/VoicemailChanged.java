package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value #CREATED} / {@value #UPDATED} / {@value #DELETED} on {@value Topics#ROUTING_VOICEMAIL}, key = user id: the
 * personal voicemail box's whole state (a deleted box: {@code enabled = false}, with the messages lost).
 */
public record VoicemailChanged(UUID userId, UUID networkId, boolean enabled, boolean emailNotifications,
                               String primaryRecipient, List<UUID> ccUserIds, int messagesDeleted, Instant occurredAt) {

    public static final String CREATED = "voicemail.created";
    public static final String UPDATED = "voicemail.updated";
    public static final String DELETED = "voicemail.deleted";
}
