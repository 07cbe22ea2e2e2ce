package io.switchboard.seat.service;

import io.switchboard.seat.e911.AddressValidator;

import java.util.List;
import java.util.UUID;

/**
 * What an admin asks a job to do (seed 003). A setup job uses every part in the seeds' order; an edit job names one
 * {@code action} and uses its part. Per-user entries may override the bill-to tenant, choose the direct line, or give
 * their own E911 address.
 */
public record JobRequest(String type, String action, List<UserEntry> users, SeatChoice seat, LineChoice directLines,
                         AddressChoice e911, VoicemailChoice voicemail, RecordingChoice recording, List<UUID> queueIds) {

    public static final String SETUP = "setup";
    public static final String EDIT = "edit";

    /** Seed 003's Edit Users menu. */
    public static final List<String> EDIT_ACTIONS = List.of("seat-level", "direct-line", "e911", "create-voicemail",
            "delete-voicemail", "recording", "assign-queues", "remove-queues");

    public record UserEntry(UUID userId, UUID billToTenantId, String directLine, AddressChoice e911) {
    }

    public record SeatChoice(String level, UUID billToTenantId) {
    }

    /**
     * {@code numbers}: the numbers the admin selected, handed out at random among the users who did not choose one (seed
     * 003); none = at random from the network's inventory, preferring {@code preferredAreaCode}.
     */
    public record LineChoice(List<String> numbers, String preferredAreaCode) {
    }

    public record AddressChoice(String street, String unit, String city, String state, String country, String postalCode,
                                Boolean allowUnverified) {
        public AddressValidator.Address address() {
            return new AddressValidator.Address(street, unit, city, state, country, postalCode);
        }

        public boolean unverifiedAllowed() {
            return Boolean.TRUE.equals(allowUnverified);
        }
    }

    /** Setup: {@code create} a personal voicemail box (seed 003's "Create a personal voicemail"). */
    public record VoicemailChoice(Boolean create, Boolean emailNotifications) {
        public boolean notifications() {
            return emailNotifications == null || emailNotifications;
        }
    }

    /** {@code useDefaults} (Individual Recording Defaults) or custom modes; a custom field left out follows the default. */
    public record RecordingChoice(Boolean useDefaults, String inbound, String outbound, String announcement) {
        public boolean defaults() {
            return Boolean.TRUE.equals(useDefaults);
        }
    }
}
