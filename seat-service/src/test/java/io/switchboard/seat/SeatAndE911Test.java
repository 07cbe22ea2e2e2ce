package io.switchboard.seat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.security.Permission;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class SeatAndE911Test {

    @Test
    void addressesAreNormalizedAndNearMissesGetSuggestions() {
        String admin = TestTokens.admin(UUID.randomUUID());
        validate(admin, Map.of("street", "1 Market street", "unit", "Suite 200", "city", "san diego", "state", "California",
                "postalCode", "92101")).then().statusCode(200).body("valid", equalTo(true))
                .body("normalized.street", equalTo("1 MARKET ST")).body("normalized.unit", equalTo("STE 200"))
                .body("normalized.city", equalTo("SAN DIEGO")).body("normalized.state", equalTo("CA"))
                .body("normalized.country", equalTo("US"));
        validate(admin, Map.of("street", "350 Fifth Avenue", "city", "New York", "state", "CA", "postalCode", "10118"))
                .then().body("valid", equalTo(false)).body("issues.field", hasItem("state"))
                .body("issues.find { it.field == 'state' }.suggestion", equalTo("NY"));
        validate(admin, Map.of("street", "1 Market St", "city", "San Deigo", "state", "CA", "postalCode", "92101"))
                .then().body("valid", equalTo(false)).body("issues[0].field", equalTo("city"))
                .body("issues[0].suggestion", equalTo("SAN DIEGO")).body("issues[0].message", containsString("did you mean"));
        validate(admin, Map.of("street", "24 Sussex Drive", "city", "Ottawa", "state", "ON", "country", "Canada",
                "postalCode", "k1m1m4")).then().body("valid", equalTo(true)).body("normalized.postalCode", equalTo("K1M 1M4"))
                .body("normalized.street", equalTo("24 SUSSEX DR"));
        validate(admin, Map.of("street", "1 Main St", "city", "Paris", "state", "IDF", "country", "FR", "postalCode", "75001"))
                .then().body("valid", equalTo(false)).body("issues.field", hasItem("country"));
        validate(admin, Map.of("city", "San Diego", "postalCode", "9210")).then().body("valid", equalTo(false))
                .body("issues.field", hasItem("street")).body("issues.field", hasItem("state"));
    }

    @Test
    void aFirstSeatNeedsALineAndE911AndIsBilledToOneOfTheUsersTenants() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        String admin = TestTokens.admin(networkId);
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserCreated.TYPE, new UserCreated(userId,
                networkId, "sia@example.com", "Sia", "Seat", null, "ACTIVE", List.of("contact-center-agent"), List.of(tenant), 0,
                Instant.now(), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                seat(admin, userId, "basic", tenant).then().statusCode(409)
                        .body("detail", containsString("a direct line")).body("detail", containsString("E911")));

        EventProbe.send(Topics.NUMBER_LINES, TestEvents.event(networkId, userId, DirectLineChanged.ASSIGNED,
                new DirectLineChanged(userId, networkId, "+16195550142", null, List.of(), 1, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> seat(admin, userId, "basic", tenant).then().statusCode(409)
                .body("detail", containsString("E911")).body("detail", org.hamcrest.Matchers.not(containsString("direct line"))));

        Map<String, Object> misspelled = new HashMap<>(Map.of("street", "1 Market Street", "city", "San Deigo", "state", "CA",
                "postalCode", "92101"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(misspelled).put("/api/v1/users/{id}/e911", userId)
                .then().statusCode(400).body("errors[0].field", equalTo("city"))
                .body("errors[0].message", containsString("SAN DIEGO"));
        misspelled.put("allowUnverified", true);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(misspelled).put("/api/v1/users/{id}/e911", userId)
                .then().statusCode(200).body("verified", equalTo(false)).body("warning", containsString("Unverified"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("street", "1 Market Street", "city", "San Diego", "state", "CA", "postalCode", "92101"))
                .put("/api/v1/users/{id}/e911", userId).then().statusCode(200).body("verified", equalTo(true))
                .body("street", equalTo("1 MARKET ST"));

        seat(admin, userId, "advanced", UUID.randomUUID()).then().statusCode(400).body("errors[0].field", equalTo("billToTenantId"));
        seat(admin, userId, "platinum", tenant).then().statusCode(400).body("errors[0].field", equalTo("level"));
        seat(admin, userId, "basic", tenant).then().statusCode(200).body("level", equalTo("basic"));
        SeatChanged assigned = EventProbe.await(Topics.SEAT_SEATS, e -> e.subject().equals(userId.toString())
                && e.type().equals(SeatChanged.ASSIGNED), Duration.ofSeconds(20)).dataAs(SeatChanged.class);
        assertThat(assigned.level()).isEqualTo("BASIC");
        assertThat(assigned.billToTenantId()).isEqualTo(tenant);
        assertThat(assigned.e911Present()).isTrue();

        given().auth().oauth2(admin).get("/api/v1/seats/summary").then().statusCode(200)
                .body("byLevel.basic", equalTo(1)).body("byBillTo." + tenant, equalTo(1));
        seat(admin, userId, "none", null).then().statusCode(200).body("level", equalTo("none"));
        EventProbe.await(Topics.SEAT_SEATS, e -> e.subject().equals(userId.toString()) && e.type().equals(SeatChanged.RELEASED),
                Duration.ofSeconds(20));

        // The caller's permission and network are checked.
        given().contentType(ContentType.JSON).body(Map.of("level", "basic")).put("/api/v1/users/{id}/seat", userId)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.token(networkId, UUID.randomUUID(), Permission.VIEW_USER_MANAGEMENT))
                .contentType(ContentType.JSON).body(Map.of("level", "basic")).put("/api/v1/users/{id}/seat", userId)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("level", "basic", "billToTenantId", tenant.toString())).put("/api/v1/users/{id}/seat", userId)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/users/{id}/e911", userId).then().statusCode(404);
    }

    private static io.restassured.response.Response validate(String token, Map<String, Object> address) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(address).post("/api/v1/e911/validate");
    }

    private static io.restassured.response.Response seat(String token, UUID userId, String level, UUID billTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        body.put("billToTenantId", billTo);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/users/{id}/seat", userId);
    }
}
