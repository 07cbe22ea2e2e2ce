package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.routing.RoutingApi.Network;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.routing.RoutingApi.join;
import static io.switchboard.routing.RoutingApi.line;
import static io.switchboard.routing.RoutingApi.network;
import static io.switchboard.routing.RoutingApi.queue;
import static io.switchboard.routing.RoutingApi.seat;
import static io.switchboard.routing.RoutingApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RoutingTeardownTest {

    @Test
    void deactivationRemovesTheUserFromEveryQueueDeletesTheirVoicemailAndTheirCcEntriesOnce() {
        Network network = network();
        UUID userId = user(network, "leaving@example.com");
        UUID colleague = user(network, "staying@example.com");
        UUID callCenter = queue(network, "Inbound Sales", "call-center");
        UUID dispatch = queue(network, "Dispatch", "department");
        for (UUID u : List.of(userId, colleague)) {
            seat(network, u, "ADVANCED", true, 1);
            line(network, u, "+1619555" + (u.equals(userId) ? "0101" : "0102"), 1);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> join(network, callCenter, userId).then().statusCode(200));
        join(network, dispatch, userId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> join(network, dispatch, colleague).then().statusCode(200));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("emailNotifications", true))
                .put("/api/v1/users/{id}/voicemail", userId).then().statusCode(200);
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("ccRecipients", List.of("leaving@example.com".toUpperCase())))
                .put("/api/v1/users/{id}/voicemail", colleague).then().statusCode(200)
                .body("ccRecipients", equalTo(List.of("leaving@example.com")));

        EventEnvelope deactivated = TestEvents.event(network.id(), userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, network.id(), "leaving@example.com", 2, Instant.now()));
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated);
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated);

        UserRoutingReleased body = EventProbe.await(Topics.ROUTING_ASSIGNMENTS,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserRoutingReleased.TYPE), Duration.ofSeconds(20))
                .dataAs(UserRoutingReleased.class);
        assertThat(body.queuesLeft()).containsExactlyInAnyOrder(callCenter, dispatch);
        assertThat(body.voicemailDeleted()).isTrue();
        EventProbe.await(Topics.ROUTING_VOICEMAIL, e -> e.subject().equals(userId.toString())
                && e.type().equals(VoicemailChanged.DELETED), Duration.ofSeconds(10));
        assertThat(EventProbe.all(Topics.ROUTING_QUEUES, e -> e.subject().equals(userId.toString())
                && e.type().equals(QueueMemberChanged.REMOVED), Duration.ofSeconds(2))).hasSize(2);

        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/queues", userId).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/queues", colleague).then().body("$", hasSize(1));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", userId).then().body("enabled", equalTo(false));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", colleague).then()
                .body("enabled", equalTo(true)).body("ccRecipients", hasSize(0));
        // The redelivered deactivation released nothing twice.
        assertThat(EventProbe.all(Topics.ROUTING_ASSIGNMENTS, e -> e.subject().equals(userId.toString()),
                Duration.ofSeconds(3))).hasSize(1);
        join(network, dispatch, userId).then().statusCode(409);
    }
}
