package io.switchboard.seat;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.Topics;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Seed 001: "find the employee by using the search bar or filtering by Seat Level, Role and Queue Assignment". */
@QuarkusTest
class UserManagementFiltersTest {

    final UUID networkId = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final String admin = TestTokens.admin(networkId);

    @Test
    void filtersBySeatLevelRoleAndQueueCombineWithSearch() {
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cal = UUID.randomUUID();
        UUID queue = UUID.randomUUID();
        Fixtures.user(networkId, ana, "Ana", "Ortiz", List.of("contact-center-agent"), tenant);
        Fixtures.user(networkId, ben, "Ben", "Ortega", List.of("dispatcher", "contact-center-agent"), tenant);
        Fixtures.user(networkId, cal, "Cal", "Price", List.of("network-admin"), tenant);
        Fixtures.line(networkId, ana, "+16195550111", List.of(), 1);
        Fixtures.e911(admin, ana);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Fixtures.seat(admin, ana, "advanced", tenant).then().statusCode(200));
        Fixtures.joined(networkId, ana, queue, "Dispatch");
        Fixtures.joined(networkId, cal, queue, "Dispatch");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> list("queue", queue).then().statusCode(200)
                .body("items.firstName", contains("Ana", "Cal")));

        list("seat", "advanced").then().body("items.firstName", contains("Ana"));
        list("seat", "none").then().body("items.firstName", contains("Ben", "Cal"));
        list("role", "contact-center-agent").then().body("items.firstName", contains("Ben", "Ana"));
        list("role", "dispatcher").then().body("items.firstName", contains("Ben"));
        list("role", "nobody-has-this").then().body("items", hasSize(0));
        given().auth().oauth2(admin).queryParam("role", "contact-center-agent").queryParam("queue", queue)
                .queryParam("search", "ORT").get("/api/v1/user-management").then().body("items.firstName", contains("Ana"));

        // Leaving the queue takes the user out of the queue filter.
        EventProbe.send(Topics.ROUTING_QUEUES, TestEvents.event(networkId, cal, QueueMemberChanged.REMOVED,
                new QueueMemberChanged(cal, networkId, queue, "Dispatch", "CALL_CENTER", null, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> list("queue", queue).then()
                .body("items.firstName", contains("Ana")));

        list("queue", "dispatch").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("queue"));
        list("sort", "seat").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void everySortPagesThroughAllRowsInOrderAndACursorKeepsItsSort() {
        String[][] people = {{"Zed", "Abbott"}, {"Amy", "Young"}, {"Bea", "Moss"}, {"al", "moss"}, {"Kim", "Hale"}};
        for (String[] p : people) {
            Fixtures.user(networkId, UUID.randomUUID(), p[0], p[1], List.of("contact-center-agent"), tenant);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> list("sort", "name").then().body("items", hasSize(5)));

        assertThat(allPages("name", "firstName")).containsExactly("Zed", "Kim", "al", "Bea", "Amy");
        assertThat(allPages("-name", "firstName")).containsExactly("Amy", "Bea", "al", "Kim", "Zed");
        assertThat(allPages("email", "email")).containsExactly("al.moss@example.com", "amy.young@example.com",
                "bea.moss@example.com", "kim.hale@example.com", "zed.abbott@example.com");
        assertThat(allPages("-email", "firstName")).containsExactly("Zed", "Kim", "Bea", "Amy", "al");

        String byName = given().auth().oauth2(admin).queryParam("limit", 2).get("/api/v1/user-management")
                .then().extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("sort", "email").queryParam("cursor", byName).get("/api/v1/user-management")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("sort=name"));
        list("search", "MOSS").then().body("items.firstName", containsInAnyOrder("al", "Bea"));
        // A search's matches are paged in the chosen order too.
        var first = given().auth().oauth2(admin).queryParam("search", "moss").queryParam("sort", "-name").queryParam("limit", 1)
                .get("/api/v1/user-management").then().body("items.firstName", contains("Bea")).extract().jsonPath();
        given().auth().oauth2(admin).queryParam("search", "moss").queryParam("sort", "-name").queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/user-management").then()
                .body("items.firstName", contains("al")).body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    /** Walks the whole list two rows at a time, collecting one field. */
    private List<String> allPages(String sort, String field) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(admin).queryParam("sort", sort).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var body = request.get("/api/v1/user-management").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items." + field));
            cursor = body.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private io.restassured.response.Response list(String param, Object value) {
        return given().auth().oauth2(admin).queryParam(param, value).get("/api/v1/user-management");
    }
}
