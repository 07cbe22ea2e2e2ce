package io.switchboard.e2e;

import io.restassured.http.ContentType;
import io.switchboard.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The walking skeleton across five real service processes, a real Kafka broker and a real PostgreSQL, over REST only. */
class LocalStackIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = Admin.startStack("e2e-stack");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void createdUserAppearsInUserManagementAndDeactivationTearsDownEverywhere() {
        String domain = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E Heating & Air", "admin", Map.of("firstName", "Ada", "lastName", "Admin",
                        "email", "admin@" + domain, "password", "correct horse battery")))
                .post("/api/v1/networks").then().statusCode(201);
        String token = given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("email", "admin@" + domain, "password", "correct horse battery"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");

        String userId = given().baseUri(stack.url("directory")).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Riley", "lastName", "Chen", "email", "riley.chen@" + domain,
                        "roles", new String[]{"contact-center-agent"}))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(stack.url("seat")).auth().oauth2(token)
                .queryParam("search", "riley").get("/api/v1/user-management")
                .then().statusCode(200).body("items.userId", contains(userId)).body("items[0].status", equalTo("invited")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(stack.url("sync")).auth().oauth2(token)
                .get("/api/v1/sync/users/{id}", userId).then().statusCode(200).body("status", equalTo("invited")));

        given().baseUri(stack.url("directory")).auth().oauth2(token).post("/api/v1/users/{id}/deactivate", userId)
                .then().statusCode(200).body("status", equalTo("deactivated"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(stack.url("seat")).auth().oauth2(token)
                .get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("status", equalTo("deactivated"))
                .body("seatLevel", equalTo("none"))
                .body("teardown.status", equalTo("complete"))
                .body("teardown.reports.service", containsInAnyOrder("number-service", "routing-service")));
        given().baseUri(stack.url("seat")).auth().oauth2(token).queryParam("search", "riley").get("/api/v1/user-management")
                .then().statusCode(200).body("items", hasSize(0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(stack.url("sync")).auth().oauth2(token)
                .get("/api/v1/sync/users/{id}", userId).then().statusCode(200).body("status", equalTo("deactivated")));
        given().baseUri(stack.url("routing")).auth().oauth2(token).get("/api/v1/users/{id}/queues", userId)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void everyServiceChecksTheTokenAndScopesToTheCallersNetwork() {
        for (String service : LocalStack.SERVICES) {
            given().baseUri(stack.url(service)).get("/q/health/ready").then().statusCode(200);
        }
        given().baseUri(stack.url("seat")).get("/api/v1/user-management")
                .then().statusCode(401).contentType("application/problem+json");

        String domain = "iso-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("name", "Other Network", "admin", Map.of("firstName", "Oz", "lastName", "Other",
                        "email", "admin@" + domain, "password", "correct horse battery")))
                .post("/api/v1/networks").then().statusCode(201);
        String otherToken = given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("email", "admin@" + domain, "password", "correct horse battery"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        String otherAdminId = given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("email", "admin@" + domain, "password", "correct horse battery"))
                .post("/api/v1/auth/token").then().extract().path("userId");

        // The token verifies at seat-service (JWKS from directory-service) and sees only its own network's admin.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(stack.url("seat")).auth().oauth2(otherToken)
                .get("/api/v1/user-management").then().statusCode(200).body("items.userId", contains(otherAdminId)));
        given().baseUri(stack.url("directory")).auth().oauth2(otherToken)
                .post("/api/v1/users/{id}/deactivate", UUID.randomUUID()).then().statusCode(404);
    }
}
