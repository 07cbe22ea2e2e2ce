package io.switchboard.seat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RoleAssignment;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The facts other services publish, sent as their events: what the seat-service tests build users from. */
final class Fixtures {

    static final Map<String, Object> SAN_DIEGO = Map.of("street", "1 Market Street", "city", "San Diego", "state", "CA",
            "postalCode", "92101");

    /** The admin the other services' events name as their actor. */
    static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-00000000ad01");

    private Fixtures() {
    }

    static void user(UUID networkId, UUID userId, String first, String last, List<String> roles, UUID tenant) {
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.from("directory-service", "user:" + ADMIN, networkId, userId,
                UserCreated.TYPE, new UserCreated(userId,
                networkId, (first + "." + last + "@example.com").toLowerCase(), first, last, null, "ACTIVE", roles,
                List.of(tenant), 0, Instant.now(), roles.stream().map(r -> new RoleAssignment(r, List.of())).toList(),
                List.of())));
    }

    static void line(UUID networkId, UUID userId, String number, List<String> secondary, long lineVersion) {
        EventProbe.send(Topics.NUMBER_LINES, TestEvents.from("number-service", "user:" + ADMIN, networkId, userId,
                DirectLineChanged.ASSIGNED,
                new DirectLineChanged(userId, networkId, number, null, secondary, lineVersion, Instant.now())));
    }

    static void joined(UUID networkId, UUID userId, UUID queueId, String queueName) {
        EventProbe.send(Topics.ROUTING_QUEUES, TestEvents.from("routing-service", "user:" + ADMIN, networkId, userId,
                QueueMemberChanged.ADDED,
                new QueueMemberChanged(userId, networkId, queueId, queueName, "CALL_CENTER", null, Instant.now())));
    }

    /** Waits until seat-service has the user with a line, then saves a verified E911 address. */
    static void e911(String token, UUID userId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(SAN_DIEGO).put("/api/v1/users/{id}/e911", userId).then().statusCode(200));
    }

    static Response seat(String token, UUID userId, String level, UUID billTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        body.put("billToTenantId", billTo);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/users/{id}/seat", userId);
    }
}
