package io.switchboard.seat;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.security.Permission;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class UserManagementProjectionTest {

    @Test
    void createdUsersAppearInTheTableSortedSearchableAndPaginated() {
        UUID networkId = UUID.randomUUID();
        String admin = TestTokens.admin(networkId);
        List<UUID> ids = new ArrayList<>();
        String[][] people = {{"Zoe", "Adams"}, {"Bob", "Baker"}, {"amy", "baker"}, {"Carl", "Cruz"}, {"Dee", "Diaz"}};
        for (String[] p : people) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            EventProbe.send(Topics.DIRECTORY_USERS, created(networkId, id, p[0], p[1], 1));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/user-management").then().statusCode(200).body("items", hasSize(5)));

        String cursor = given().auth().oauth2(admin).queryParam("limit", 2).get("/api/v1/user-management")
                .then().statusCode(200)
                .body("items.lastName", contains("Adams", "baker"))
                .body("items[0].seatLevel", equalTo("none"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        String cursor2 = given().auth().oauth2(admin).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/user-management").then().statusCode(200)
                .body("items.firstName", contains("Bob", "Carl")).extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("limit", 2).queryParam("cursor", cursor2)
                .get("/api/v1/user-management").then().statusCode(200)
                .body("items.firstName", contains("Dee")).body("nextCursor", nullValue());

        given().auth().oauth2(admin).queryParam("search", "BAKER").get("/api/v1/user-management")
                .then().body("items", hasSize(2));
        given().auth().oauth2(admin).queryParam("search", "dee.diaz@").get("/api/v1/user-management")
                .then().body("items.userId", contains(ids.get(4).toString()));
        given().auth().oauth2(admin).queryParam("search", "%").get("/api/v1/user-management")
                .then().body("items", hasSize(0));

        // Another network sees none of them; a viewer without the permission is refused.
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/user-management")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/users/{id}", ids.get(0))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(networkId, UUID.randomUUID(), Permission.MAKE_OUTBOUND_CALLS))
                .get("/api/v1/user-management").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/user-management").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badQueryParametersAre400Problems() {
        String admin = TestTokens.admin(UUID.randomUUID());
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/v1/user-management")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("limit", "ten").get("/api/v1/user-management")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("limit", 201).get("/api/v1/user-management")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("cursor", "garbage").get("/api/v1/user-management")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(admin).queryParam("seat", "platinum").get("/api/v1/user-management")
                .then().statusCode(400).body("detail", containsString("basic"));
    }

    @Test
    void teardownCompletesWhateverOrderTheEventsFromDifferentTopicsArriveIn() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String admin = TestTokens.admin(networkId);

        // Routing's report first, then the deactivation, then the (older) creation, then number's report.
        EventProbe.send(Topics.ROUTING_ASSIGNMENTS, TestEvents.event(networkId, userId, UserRoutingReleased.TYPE,
                new UserRoutingReleased(userId, networkId, List.of(), true, "user.deactivated", Instant.now(), 2L)));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "late@example.com", 2, Instant.now())));
        EventEnvelope created = created(networkId, userId, "Late", "Arrival", 1);
        EventProbe.send(Topics.DIRECTORY_USERS, created);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("status", equalTo("deactivated"))
                .body("teardown.status", equalTo("pending"))
                .body("teardown.waitingFor", contains("number-service")));

        EventProbe.send(Topics.NUMBER_LINES, TestEvents.event(networkId, userId, UserNumbersReleased.TYPE,
                new UserNumbersReleased(userId, networkId, List.of("+16195550100"), "user.deactivated", Instant.now(), 2L)));
        // The same creation delivered again changes nothing.
        EventProbe.send(Topics.DIRECTORY_USERS, created);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("status", equalTo("deactivated"))
                .body("seatLevel", equalTo("none"))
                .body("teardown.status", equalTo("complete"))
                .body("teardown.reports.service", contains("number-service", "routing-service"))
                .body("teardown.reports[0].detail", containsString("+16195550100")));
        given().auth().oauth2(admin).get("/api/v1/user-management").then().body("items", hasSize(0));

        // Reactivated, then deactivated again: the first round's reports do not complete the second.
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserChanged.REACTIVATED,
                changed(networkId, userId, "ACTIVE", List.of("contact-center-agent"), 3)));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "late@example.com", 4, Instant.now())));
        EventProbe.send(Topics.ROUTING_ASSIGNMENTS, TestEvents.event(networkId, userId, UserRoutingReleased.TYPE,
                new UserRoutingReleased(userId, networkId, List.of(), false, "user.deactivated", Instant.now(), 4L)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("status", equalTo("deactivated"))
                .body("teardown.status", equalTo("pending"))
                .body("teardown.waitingFor", contains("number-service"))
                .body("teardown.reports.service", contains("routing-service")));
        EventProbe.send(Topics.NUMBER_LINES, TestEvents.event(networkId, userId, UserNumbersReleased.TYPE,
                new UserNumbersReleased(userId, networkId, List.of(), "user.deactivated", Instant.now(), 4L)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().body("teardown.status", equalTo("complete")));
    }

    @Test
    void laterDirectoryEventsUpdateTheRowAndAReactivatedUserReturnsToTheTable() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String admin = TestTokens.admin(networkId);
        EventProbe.send(Topics.DIRECTORY_USERS, created(networkId, userId, "Rex", "Return", 0));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserChanged.ROLES_CHANGED,
                changed(networkId, userId, "ACTIVE", List.of("contact-center-agent", "dispatcher"), 2)));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "rex.return@example.com", 3, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().statusCode(200).body("status", equalTo("deactivated")));
        given().auth().oauth2(admin).queryParam("search", "rex").get("/api/v1/user-management").then().body("items", hasSize(0));

        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserChanged.REACTIVATED,
                changed(networkId, userId, "ACTIVE", List.of("contact-center-agent", "dispatcher"), 4)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .queryParam("search", "rex").get("/api/v1/user-management").then().statusCode(200)
                .body("items.userId", contains(userId.toString()))
                .body("items[0].roles", contains("contact-center-agent", "dispatcher"))
                .body("items[0].seatLevel", equalTo("none")));
    }

    private static UserChanged changed(UUID networkId, UUID userId, String status, List<String> roles, long version) {
        return new UserChanged(userId, networkId, "rex.return@example.com", "Rex", "Return", null, status, roles, List.of(),
                version, Instant.now(), List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void activeUsersHaveNoTeardown() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        EventProbe.send(Topics.DIRECTORY_USERS, created(networkId, userId, "Ann", "Active", 3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin(networkId))
                .get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("teardown.status", equalTo("not-applicable")).body("roles", contains("contact-center-agent")));
    }

    static EventEnvelope created(UUID networkId, UUID userId, String first, String last, long version) {
        return TestEvents.event(networkId, userId, UserCreated.TYPE, new UserCreated(userId, networkId,
                (first + "." + last + "@example.com").toLowerCase(), first, last, null, "INVITED",
                List.of("contact-center-agent"), List.of(), version, Instant.now(), List.of(), List.of()));
    }

}
