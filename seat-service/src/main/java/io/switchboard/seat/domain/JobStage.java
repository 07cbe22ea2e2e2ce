package io.switchboard.seat.domain;

import java.util.List;
import java.util.Locale;

/**
 * The steps of a job, in the seeds' order (seed 003: seat level and bill-to → direct line → E911 → voicemail and
 * recording → queues). Which service does the work decides how the step runs: seat-service's own steps run inside the
 * engine's transaction, the others are commands answered by reply events.
 *
 * <p>A setup step waits for its prerequisites (when the user has those steps): the line and E911 come after the seat is
 * reserved, the seat is activated once the line and E911 are in place (seed 001: a first seat needs both), queues only
 * after activation (seed 003: queue members need seat, line and E911). An edit job has one step per user and no
 * prerequisites.
 */
public enum JobStage {
    SEAT(Owner.SEAT, List.of()),
    DIRECT_LINE(Owner.NUMBER, List.of("seat")),
    E911(Owner.SEAT, List.of("direct-line")),
    ACTIVATE(Owner.SEAT, List.of("e911")),
    VOICEMAIL(Owner.ROUTING, List.of("seat")),
    RECORDING(Owner.ROUTING, List.of("seat")),
    QUEUES(Owner.ROUTING, List.of("activate"));

    public enum Owner { SEAT, NUMBER, ROUTING }

    private final Owner owner;
    private final List<String> prerequisites;

    JobStage(Owner owner, List<String> prerequisites) {
        this.owner = owner;
        this.prerequisites = prerequisites;
    }

    /** The stage's name in the API and the database: {@code direct-line}, {@code e911}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Owner owner() {
        return owner;
    }

    public List<String> prerequisites() {
        return prerequisites;
    }

    public static JobStage of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
