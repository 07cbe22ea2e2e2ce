package io.switchboard.routing;

import io.restassured.http.ContentType;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** routing-service as tests drive it: users, seats and lines announced the way the other services announce them. */
final class RoutingApi {

    record Network(UUID id, String admin) {
    }

    private RoutingApi() {
    }

    static Network network() {
        UUID id = UUID.randomUUID();
        return new Network(id, TestTokens.admin(id));
    }

    /** A hub user, announced without waiting (for many at once); {@code ignored} only tells the overloads apart. */
    static UUID user(Network network, String email, String ignored) {
        UUID userId = UUID.randomUUID();
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(network.id(), userId, UserCreated.TYPE,
                new UserCreated(userId, network.id(), email, "Cy", "Copy", null, "ACTIVE", List.of("contact-center-agent"),
                        List.of(), 1, Instant.now(), List.of(), List.of())));
        return userId;
    }

    /** A hub user; returns once routing-service knows them. */
    static UUID user(Network network, String email) {
        UUID userId = UUID.randomUUID();
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(network.id(), userId, UserCreated.TYPE,
                new UserCreated(userId, network.id(), email, "Pat", "Lee", null, "ACTIVE", List.of("contact-center-agent"),
                        List.of(), 1, Instant.now(), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(network.admin())
                .get("/api/v1/users/{id}/recording-settings", userId).statusCode() == 200);
        return userId;
    }

    static void seat(Network network, UUID userId, String level, boolean e911, long version) {
        EventProbe.send(Topics.SEAT_SEATS, TestEvents.event(network.id(), userId, SeatChanged.CHANGED,
                new SeatChanged(userId, network.id(), level, null, e911, version, Instant.now())));
    }

    static void line(Network network, UUID userId, String number, long version) {
        EventProbe.send(Topics.NUMBER_LINES, TestEvents.event(network.id(), userId, DirectLineChanged.ASSIGNED,
                new DirectLineChanged(userId, network.id(), number, null, List.of(), version, Instant.now())));
    }

    static UUID queue(Network network, String name, String kind) {
        return UUID.fromString(given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind)).post("/api/v1/queues").then().statusCode(201).extract().path("id"));
    }

    static io.restassured.response.Response join(Network network, UUID queueId, UUID userId) {
        return given().auth().oauth2(network.admin()).put("/api/v1/queues/{q}/members/{u}", queueId, userId);
    }
}
