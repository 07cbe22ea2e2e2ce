package io.switchboard.seat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AlertsTest {

    @Test
    void alertsAppearWithTheirCauseAndClearWhenItIsFixed() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        String admin = TestTokens.admin(networkId);
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserCreated.TYPE, new UserCreated(userId,
                networkId, "al@example.com", "Al", "Ert", null, "ACTIVE", List.of(), List.of(tenant), 0, Instant.now(),
                List.of(), List.of())));
        EventProbe.send(Topics.NUMBER_LINES, TestEvents.event(networkId, userId, DirectLineChanged.ASSIGNED,
                new DirectLineChanged(userId, networkId, "+16195550177", null, List.of(), 1, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> alerts(admin, userId).then().statusCode(200)
                .body("kind", equalTo(List.of("line-without-e911"))));
        given().auth().oauth2(admin).get("/api/v1/user-management?search=al@").then()
                .body("items[0].alerts", equalTo(List.of("line-without-e911"))).body("items[0].e911", equalTo("missing"));

        // Saved unverified: the E911 alert turns into "unverified".
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("street", "1 Market St", "city", "San Deigo", "state", "CA", "postalCode", "92101", "allowUnverified", true))
                .put("/api/v1/users/{id}/e911", userId).then().statusCode(200);
        alerts(admin, userId).then().body("kind", equalTo(List.of("e911-unverified")));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("street", "1 Market St", "city", "San Diego", "state", "CA", "postalCode", "92101"))
                .put("/api/v1/users/{id}/e911", userId).then().statusCode(200);
        alerts(admin, userId).then().body("$", empty());

        // An Advanced seat with no queue, until a queue arrives from routing-service.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("level", "advanced", "billToTenantId", tenant.toString()))
                .put("/api/v1/users/{id}/seat", userId).then().statusCode(200);
        alerts(admin, userId).then().body("kind", equalTo(List.of("advanced-seat-without-queue")));
        UUID queue = UUID.randomUUID();
        EventProbe.send(Topics.ROUTING_QUEUES, TestEvents.event(networkId, userId, QueueMemberChanged.ADDED,
                new QueueMemberChanged(userId, networkId, queue, "Inbound Sales", "CALL_CENTER", null, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> alerts(admin, userId).then().body("$", empty()));

        // The User Management row shows it all, and a number typed any way finds it.
        given().auth().oauth2(admin).get("/api/v1/user-management?search=(619) 555-0177").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].directLine", equalTo("+16195550177"))
                .body("items[0].seatLevel", equalTo("advanced")).body("items[0].queues", equalTo(List.of("Inbound Sales")))
                .body("items[0].e911", equalTo("verified")).body("items[0].alerts", empty());

        // ServiceTitan link problems from sync-service.
        EventProbe.send(Topics.SYNC_LINKS, TestEvents.event(networkId, userId, SyncLinkChanged.NOT_FOUND, new SyncLinkChanged(userId,
                networkId, tenant, 1045321, "al@example.com", "not-found", null, 0, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin).get("/api/v1/alerts").then()
                .body("kind", hasItem("servicetitan-employee-not-found")));
        EventProbe.send(Topics.SYNC_LINKS, TestEvents.event(networkId, userId, SyncLinkChanged.LINKED, new SyncLinkChanged(userId,
                networkId, tenant, 1045321, "al@example.com", "linked", 77L, 1, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin).get("/api/v1/alerts").then()
                .body("kind", not(hasItem("servicetitan-employee-not-found"))));

        given().auth().oauth2(admin).get("/api/v1/user-management?search=al@").then()
                .body("items[0].alerts", equalTo(List.of()));

        // Deactivation frees the seat and removes the E911 address with the line.
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, io.switchboard.platform.contract.UserDeactivated.TYPE,
                new io.switchboard.platform.contract.UserDeactivated(userId, networkId, "al@example.com", 5, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/api/v1/users/{id}/e911", userId).then().statusCode(404));
        given().auth().oauth2(admin).get("/api/v1/users/{id}", userId).then().body("seatLevel", equalTo("none"));

        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/alerts?userId=" + userId).then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/alerts?userId=nope").then().statusCode(400);
        given().get("/api/v1/alerts").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/alerts").then().body("$", empty());
    }

    private static io.restassured.response.Response alerts(String admin, UUID userId) {
        return given().auth().oauth2(admin).get("/api/v1/alerts?userId=" + userId);
    }
}
