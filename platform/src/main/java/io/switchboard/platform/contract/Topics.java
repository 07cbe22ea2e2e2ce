package io.switchboard.platform.contract;

/** Every topic the services publish to, named {@code <service>.<aggregate>.v1}; each has a {@code <topic>.dlq} twin. */
public final class Topics {

    public static final String DIRECTORY_USERS = "directory.users.v1";
    public static final String DIRECTORY_ROLES = "directory.roles.v1";
    public static final String DIRECTORY_TENANTS = "directory.tenants.v1";
    public static final String NUMBER_LINES = "number.lines.v1";
    public static final String NUMBER_INVENTORY = "number.inventory.v1";
    /** Commands to number-service (from seat-service's jobs); replies come on {@link #NUMBER_LINES}. */
    public static final String NUMBER_COMMANDS = "number.commands.v1";
    public static final String SYNC_LINKS = "sync.links.v1";
    public static final String SEAT_SEATS = "seat.seats.v1";
    /** Setup and bulk-edit jobs ({@code job.completed}). */
    public static final String SEAT_JOBS = "seat.jobs.v1";
    public static final String ROUTING_QUEUES = "routing.queues.v1";
    public static final String ROUTING_VOICEMAIL = "routing.voicemail.v1";
    public static final String ROUTING_RECORDING = "routing.recording.v1";
    /** Routing's reports about users: teardown, and the replies to {@link #ROUTING_COMMANDS}. */
    public static final String ROUTING_ASSIGNMENTS = "routing.assignments.v1";
    /** Commands to routing-service (from seat-service's jobs); replies come on {@link #ROUTING_ASSIGNMENTS}. */
    public static final String ROUTING_COMMANDS = "routing.commands.v1";

    public static final String DLQ_SUFFIX = ".dlq";

    /** Every event topic; each also has its dead-letter twin. */
    public static final java.util.List<String> ALL = java.util.List.of(DIRECTORY_USERS, DIRECTORY_ROLES, DIRECTORY_TENANTS, NUMBER_LINES, NUMBER_INVENTORY, NUMBER_COMMANDS, ROUTING_ASSIGNMENTS, SYNC_LINKS, SEAT_SEATS, ROUTING_QUEUES,
            ROUTING_VOICEMAIL, ROUTING_RECORDING, ROUTING_COMMANDS, SEAT_JOBS);

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
