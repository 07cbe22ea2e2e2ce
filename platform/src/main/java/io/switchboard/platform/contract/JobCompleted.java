package io.switchboard.platform.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value #TYPE} on {@value Topics#SEAT_JOBS}, key = job id: a setup or bulk-edit job has no step left to run (the
 * seeds' "notification"). Published again after each retry round ({@code round}). {@code failedUsers} lists each user
 * with a failed or skipped step and the first reason.
 */
public record JobCompleted(UUID jobId, UUID networkId, String type, String action, int round, int users,
                           int usersSucceeded, int usersFailed, int steps, int stepsSucceeded, int stepsFailed,
                           int stepsSkipped, List<FailedUser> failedUsers, String requestedBy, Instant occurredAt) {

    public static final String TYPE = "job.completed";

    public record FailedUser(UUID userId, String stage, String reason) {
    }
}
