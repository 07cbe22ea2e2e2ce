package io.switchboard.platform.contract;

import java.util.List;
import java.util.UUID;

/**
 * Command {@value #TYPE} on {@value Topics#ROUTING_COMMANDS}, key = request id: routing work for a job's users, each item
 * one step of one user. Items of one user are applied in the order given. Answered by {@link RoutingStepsDone} with the
 * same request id. Every action is idempotent (creating a voicemail box that exists, joining a queue one is in, leaving
 * one one is not in change nothing), so a redelivered or repeated command is harmless.
 *
 * <p>{@code seatVersion}: the seat version (from {@code seat.seats.v1}) the step relies on; routing-service waits until it
 * has applied that version before judging whether the user may join a queue.
 */
public record RoutingSteps(UUID requestId, UUID jobId, UUID networkId, List<Item> items) {

    public static final String TYPE = "routing.steps.requested";

    public enum Action { CREATE_VOICEMAIL, DELETE_VOICEMAIL, SET_RECORDING, ASSIGN_QUEUES, REMOVE_QUEUES }

    /**
     * @param stage       the job's name for the step, echoed in the reply
     * @param recording   for {@code SET_RECORDING}: null = follow the network's defaults, else the user's own settings
     * @param queueIds    for {@code ASSIGN_QUEUES} / {@code REMOVE_QUEUES}
     * @param emailNotifications for {@code CREATE_VOICEMAIL}
     */
    public record Item(UUID userId, String stage, Action action, Recording recording, List<UUID> queueIds,
                       boolean emailNotifications, long seatVersion) {
    }

    /** Recording settings; a null field follows the network default. */
    public record Recording(String inbound, String outbound, String announcement) {
    }
}
