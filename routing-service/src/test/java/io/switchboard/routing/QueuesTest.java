package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.routing.RoutingApi.Network;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class QueuesTest {

    @Test
    void joiningNeedsASeatALineAndE911AndABasicSeatIsRefusedByACallCenter() {
        Network network = network();
        UUID userId = user(network, "quinn@example.com");
        UUID sales = queue(network, "Inbound Sales", "call-center");
        UUID dispatch = queue(network, "Dispatch", "department");

        join(network, dispatch, userId).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("a seat")).body("detail", containsString("a direct line"))
                .body("detail", containsString("E911"));

        seat(network, userId, "BASIC", true, 1);
        line(network, userId, "+16195550142", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> join(network, dispatch, userId).then().statusCode(200));
        join(network, sales, userId).then().statusCode(409).body("detail", containsString("only Advanced seats"));
        EventProbe.await(Topics.ROUTING_QUEUES, e -> e.subject().equals(userId.toString())
                && e.type().equals(QueueMemberChanged.ADDED), Duration.ofSeconds(20));

        seat(network, userId, "ADVANCED", true, 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> join(network, sales, userId).then().statusCode(200));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/queues", userId).then()
                .body("name", equalTo(List.of("Dispatch", "Inbound Sales")));

        // Lowered to Basic: leaves the call center, stays in the department, and says why.
        seat(network, userId, "BASIC", true, 3);
        QueueMemberChanged left = EventProbe.await(Topics.ROUTING_QUEUES, e -> e.subject().equals(userId.toString())
                && e.type().equals(QueueMemberChanged.REMOVED), Duration.ofSeconds(20)).dataAs(QueueMemberChanged.class);
        assertThat(left.queueId()).isEqualTo(sales);
        assertThat(left.reason()).isEqualTo("seat.lowered");
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/queues", userId).then()
                .body("name", equalTo(List.of("Dispatch")));

        // An older seat event arriving late changes nothing.
        seat(network, userId, "ADVANCED", true, 2);
        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                join(network, sales, userId).then().statusCode(409));
    }

    @Test
    void queuesAreNamedUniquelyKeepTheirKindAndCannotBeDeletedWithMembers() {
        Network network = network();
        UUID q = queue(network, "Billing", "department");
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("name", "BILLING", "kind", "call-center"))
                .post("/api/v1/queues").then().statusCode(409).body("detail", containsString(q.toString()));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("name", "X", "kind", "pool"))
                .post("/api/v1/queues").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Billing & Payments", "kind", "department", "version", 0))
                .put("/api/v1/queues/{id}", q).then().statusCode(200).body("name", equalTo("Billing & Payments"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Billing", "kind", "department", "version", 0))
                .put("/api/v1/queues/{id}", q).then().statusCode(409);
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Billing", "kind", "call-center", "version", 1))
                .put("/api/v1/queues/{id}", q).then().statusCode(409).body("detail", containsString("kind"));

        UUID userId = user(network, "bill@example.com");
        seat(network, userId, "BASIC", true, 1);
        line(network, userId, "+16195550143", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> join(network, q, userId).then().statusCode(200));
        given().auth().oauth2(network.admin()).delete("/api/v1/queues/{id}", q).then().statusCode(409);
        given().auth().oauth2(network.admin()).delete("/api/v1/queues/{q}/members/{u}", q, userId).then().statusCode(204);
        given().auth().oauth2(network.admin()).delete("/api/v1/queues/{id}", q).then().statusCode(204);
    }
}
