package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RoutingSteps;
import io.switchboard.platform.contract.RoutingStepsDone;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.routing.RoutingApi.Network;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The routing steps of seat-service's setup and edit jobs, sent as its routing.commands.v1 commands. */
@QuarkusTest
class JobStepsTest {

    @Test
    void stepsApplyWithTheRestApisRulesEachUserOnTheirOwnAndAQueueStepWaitsForTheSeatItNeeds() {
        Network network = RoutingApi.network();
        UUID ana = RoutingApi.user(network, "ana@example.com");
        UUID ben = RoutingApi.user(network, "ben@example.com");
        RoutingApi.seat(network, ben, "BASIC", true, 3);
        RoutingApi.line(network, ben, "+16195550111", 1);
        UUID dispatch = RoutingApi.queue(network, "Dispatch", "department");
        UUID sales = RoutingApi.queue(network, "Sales", "call-center");
        UUID jobId = UUID.randomUUID();

        // Ana's queue step arrives before her seat and line (they travel on other topics): it waits for them.
        EventEnvelope command = command(network, jobId, List.of(
                new RoutingSteps.Item(ana, "voicemail", RoutingSteps.Action.CREATE_VOICEMAIL, null, null, false, 0),
                new RoutingSteps.Item(ana, "recording", RoutingSteps.Action.SET_RECORDING,
                        new RoutingSteps.Recording("always", "never", null), null, false, 0),
                new RoutingSteps.Item(ana, "queues", RoutingSteps.Action.ASSIGN_QUEUES, null, List.of(dispatch), false, 2),
                new RoutingSteps.Item(ben, "voicemail", RoutingSteps.Action.CREATE_VOICEMAIL, null, null, true, 0),
                new RoutingSteps.Item(ben, "queues", RoutingSteps.Action.ASSIGN_QUEUES, null, List.of(dispatch, sales), false, 3)));
        EventProbe.send(Topics.ROUTING_COMMANDS, command);
        RoutingApi.seat(network, ana, "ADVANCED", true, 2);
        RoutingApi.line(network, ana, "+16195550110", 1);

        RoutingStepsDone done = awaitReply(command);
        assertThat(done.results()).extracting(RoutingStepsDone.Result::stage)
                .containsExactly("voicemail", "recording", "queues", "voicemail", "queues");
        assertThat(done.results().subList(0, 4)).allMatch(RoutingStepsDone.Result::succeeded);
        // Ben has a Basic seat: Sales (a call center) refuses him, Dispatch takes him, and the step says which; the
        // refusal does not take his voicemail step down with it.
        RoutingStepsDone.Result benQueues = done.results().get(4);
        assertThat(benQueues.succeeded()).isFalse();
        assertThat(benQueues.reason()).contains("Sales is a call center").contains("joined Dispatch");
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/queues", ben).then().body("name", contains("Dispatch"));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", ben).then().body("enabled", equalTo(true))
                .body("emailNotifications", equalTo(true));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", ana).then().body("enabled", equalTo(true))
                .body("emailNotifications", equalTo(false));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/recording-settings", ana).then()
                .body("inbound", equalTo("ALWAYS")).body("outbound", equalTo("NEVER"));

        // Redelivered (a new event id, the same request): the same outcome, and nobody joins anything twice.
        EventEnvelope again = TestEvents.from("seat-service", "job:" + jobId, network.id(), UUID.fromString(command.subject()),
                RoutingSteps.TYPE, command.dataAs(RoutingSteps.class));
        EventProbe.send(Topics.ROUTING_COMMANDS, again);
        List<EventEnvelope> replies = EventProbe.all(Topics.ROUTING_ASSIGNMENTS,
                e -> e.subject().equals(command.subject()) && e.type().equals(RoutingStepsDone.TYPE), Duration.ofSeconds(5));
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).dataAs(RoutingStepsDone.class).results()).extracting(RoutingStepsDone.Result::succeeded)
                .containsExactly(true, true, true, true, false);
        assertThat(EventProbe.all(Topics.ROUTING_QUEUES, e -> e.type().equals(QueueMemberChanged.ADDED)
                && network.id().equals(e.networkId()), Duration.ofSeconds(2))).hasSize(2);
        assertThat(EventProbe.all(Topics.ROUTING_VOICEMAIL, e -> network.id().equals(e.networkId()), Duration.ofSeconds(2)))
                .hasSize(2);

        // Edit Users: delete the voicemail, leave the queue.
        EventEnvelope edit = command(network, jobId, List.of(
                new RoutingSteps.Item(ana, "voicemail", RoutingSteps.Action.DELETE_VOICEMAIL, null, null, false, 0),
                new RoutingSteps.Item(ana, "queues", RoutingSteps.Action.REMOVE_QUEUES, null, List.of(dispatch), false, 0)));
        EventProbe.send(Topics.ROUTING_COMMANDS, edit);
        assertThat(awaitReply(edit).results()).allMatch(RoutingStepsDone.Result::succeeded);
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", ana).then().body("enabled", equalTo(false));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/queues", ana).then().body("size()", equalTo(0));
    }

    @Test
    void aStepForSomeoneRoutingNeverHeardOfFailsWithAReasonAfterTheWait() {
        Network network = RoutingApi.network();
        UUID ghost = UUID.randomUUID();
        EventEnvelope command = command(network, UUID.randomUUID(), List.of(
                new RoutingSteps.Item(ghost, "voicemail", RoutingSteps.Action.CREATE_VOICEMAIL, null, null, true, 0)));
        EventProbe.send(Topics.ROUTING_COMMANDS, command);
        assertThat(awaitReply(command).results()).singleElement().satisfies(r -> {
            assertThat(r.succeeded()).isFalse();
            assertThat(r.reason()).contains("has not yet received the user").contains("retry the step");
        });
    }

    private static EventEnvelope command(Network network, UUID jobId, List<RoutingSteps.Item> items) {
        UUID requestId = UUID.randomUUID();
        return TestEvents.from("seat-service", "job:" + jobId, network.id(), requestId, RoutingSteps.TYPE,
                new RoutingSteps(requestId, jobId, network.id(), items));
    }

    private static RoutingStepsDone awaitReply(EventEnvelope command) {
        return EventProbe.await(Topics.ROUTING_ASSIGNMENTS, e -> e.subject().equals(command.subject())
                && e.type().equals(RoutingStepsDone.TYPE), Duration.ofSeconds(30)).dataAs(RoutingStepsDone.class);
    }
}
