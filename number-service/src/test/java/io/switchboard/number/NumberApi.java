package io.switchboard.number;

import io.restassured.http.ContentType;
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

/** number-service's API as tests drive it, with users announced the way the directory announces them. */
final class NumberApi {

    record Network(UUID id, String admin) {
    }

    private NumberApi() {
    }

    static Network network() {
        UUID id = UUID.randomUUID();
        return new Network(id, TestTokens.admin(id));
    }

    /** A hub user of the network, as directory-service publishes it; returns once number-service knows them. */
    static UUID user(Network network) {
        UUID userId = UUID.randomUUID();
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(network.id(), userId, UserCreated.TYPE,
                new UserCreated(userId, network.id(), userId + "@example.com", "Pat", "Lee", null, "ACTIVE",
                        List.of("contact-center-agent"), List.of(), 1, Instant.now(), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(network.admin())
                .get("/api/v1/users/{id}/numbers", userId).statusCode() == 200);
        return userId;
    }

    /** Buys the first number the carrier offers in the area code. */
    static String buy(Network network, String areaCode, String usage) {
        String number = given().auth().oauth2(network.admin()).queryParam("areaCode", areaCode).queryParam("limit", 1)
                .get("/api/v1/numbers/available").then().statusCode(200).extract().path("numbers[0]");
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "usage", usage))
                .post("/api/v1/numbers").then().statusCode(201);
        return number;
    }

    static String buy(Network network, String areaCode) {
        return buy(network, areaCode, "direct-line");
    }
}
