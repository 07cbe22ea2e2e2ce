package io.switchboard.number;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.number.NumberApi.Network;
import io.switchboard.platform.contract.NumberChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.number.NumberApi.buy;
import static io.switchboard.number.NumberApi.network;
import static io.switchboard.number.NumberApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class InventoryTest {

    @Test
    void theCarrierOffersLocalTollFreeAndVanityNumbersPageByPageAndNeverOneAlreadyBought() {
        Network network = network();
        List<String> first = given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("limit", 20)
                .get("/api/v1/numbers/available").then().statusCode(200)
                .body("numbers", everyItem(startsWith("+1619"))).extract().path("numbers");
        assertThat(first).hasSize(20).doesNotHaveDuplicates().allMatch(n -> n.matches("\\+1619[2-9]\\d{6}"));
        String cursor = given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("limit", 20)
                .get("/api/v1/numbers/available").then().extract().path("nextCursor");
        List<String> more = given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("limit", 20)
                .queryParam("cursor", cursor).get("/api/v1/numbers/available").then().statusCode(200).extract().path("numbers");
        Set<String> both = new HashSet<>(first);
        both.addAll(more);
        assertThat(both).as("Load More gives new numbers").hasSize(40);

        String bought = first.get(0);
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", bought, "usage", "direct-line"))
                .post("/api/v1/numbers").then().statusCode(201);
        given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("limit", 20)
                .get("/api/v1/numbers/available").then().body("numbers", not(hasItem(bought)));

        given().auth().oauth2(network.admin()).queryParam("zip", "92101").get("/api/v1/numbers/available").then()
                .statusCode(200).body("numbers[0]", org.hamcrest.Matchers.anyOf(startsWith("+1619"), startsWith("+1858")));
        given().auth().oauth2(network.admin()).queryParam("tollFree", "true").queryParam("limit", 5)
                .get("/api/v1/numbers/available").then().statusCode(200).body("numbers", everyItem(startsWith("+1800")));
        List<String> vanity = given().auth().oauth2(network.admin()).queryParam("areaCode", "858").queryParam("contains", "PLUMB")
                .queryParam("limit", 5).get("/api/v1/numbers/available").then().statusCode(200).extract().path("numbers");
        assertThat(vanity).isNotEmpty().allMatch(n -> n.contains("75862"));
        List<String> digits = given().auth().oauth2(network.admin()).queryParam("areaCode", "858").queryParam("contains", "42")
                .queryParam("limit", 5).get("/api/v1/numbers/available").then().statusCode(200).extract().path("numbers");
        assertThat(digits).hasSize(5).allMatch(n -> n.substring(2).contains("42"));
    }

    @Test
    void searchesThatCannotWorkSayWhy() {
        Network network = network();
        given().auth().oauth2(network.admin()).queryParam("areaCode", "123").get("/api/v1/numbers/available")
                .then().statusCode(400).body("errors[0].field", equalTo("areaCode"));
        given().auth().oauth2(network.admin()).queryParam("zip", "00001").get("/api/v1/numbers/available")
                .then().statusCode(400).body("errors[0].field", equalTo("zip")).body("detail", containsString("area code"));
        given().auth().oauth2(network.admin()).queryParam("zip", "9210").get("/api/v1/numbers/available")
                .then().statusCode(400).body("errors[0].field", equalTo("zip"));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/available").then().statusCode(400);
        given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("zip", "92101")
                .get("/api/v1/numbers/available").then().statusCode(400);
        given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("contains", "call-me!")
                .get("/api/v1/numbers/available").then().statusCode(400).body("errors[0].field", equalTo("contains"));
        given().auth().oauth2(network.admin()).queryParam("areaCode", "619").queryParam("cursor", "%%%")
                .get("/api/v1/numbers/available").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aPurchaseTakesTheSeedsDefaultsIsPublishedAndTheInventoryFiltersIt() {
        Network network = network();
        String number = given().auth().oauth2(network.admin()).queryParam("areaCode", "512").queryParam("limit", 3)
                .get("/api/v1/numbers/available").then().extract().path("numbers[0]");
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", "(" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8),
                        "usage", "direct-line"))
                .post("/api/v1/numbers").then().statusCode(201)
                .body("number", equalTo(number)).body("status", equalTo("available")).body("assignable", equalTo(true))
                .body("forwarding.useDefault", equalTo(true)).body("smsAllowed", equalTo(false))
                .body("isLead", equalTo(false)).body("campaign", nullValue());
        NumberChanged purchased = EventProbe.await(Topics.NUMBER_INVENTORY,
                e -> e.subject().equals(number) && e.type().equals(NumberChanged.PURCHASED), Duration.ofSeconds(20))
                .dataAs(NumberChanged.class);
        assertThat(purchased.networkId()).isEqualTo(network.id());
        assertThat(purchased.usage()).isEqualTo("DIRECT_LINE");

        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "usage", "direct-line")).post("/api/v1/numbers")
                .then().statusCode(409).body("detail", containsString("already taken"));

        String tracking = given().auth().oauth2(network.admin()).queryParam("areaCode", "512").queryParam("limit", 3)
                .get("/api/v1/numbers/available").then().extract().path("numbers[0]");
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", tracking, "usage", "tracking", "smsAllowed", true, "isLead", true, "campaign", "Spring Mailer",
                        "forwarding", Map.of("useDefault", false, "number", "+1 512 555 0199")))
                .post("/api/v1/numbers").then().statusCode(201).body("assignable", equalTo(false))
                .body("forwarding.number", equalTo("+15125550199")).body("campaign", equalTo("Spring Mailer"));

        given().auth().oauth2(network.admin()).get("/api/v1/numbers?usage=tracking").then()
                .body("items.number", equalTo(List.of(tracking)));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers?status=available&areaCode=512").then()
                .body("items.size()", equalTo(2));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers?search=" + number.substring(6)).then()
                .body("items.number", equalTo(List.of(number)));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", number).then().statusCode(200)
                .body("usage", equalTo("direct-line"));
        given().auth().oauth2(NumberApi.network().admin()).get("/api/v1/numbers/{n}", number).then().statusCode(404);

        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", "+1 555 0100", "usage", "direct-line")).post("/api/v1/numbers")
                .then().statusCode(400).body("errors[0].field", equalTo("number"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("number", tracking, "usage", "billboard")).post("/api/v1/numbers")
                .then().statusCode(400).body("errors[0].field", equalTo("usage"));
    }

    @Test
    void aReservedOrUnusedNumberGoesBackToTheCarrierButAHeldOneDoesNot() {
        Network network = network();
        UUID userId = user(network);
        String held = buy(network, "303");
        String spare = buy(network, "303");
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", held))
                .put("/api/v1/users/{id}/direct-line", userId).then().statusCode(200);
        given().auth().oauth2(network.admin()).delete("/api/v1/numbers/{n}", held).then().statusCode(409)
                .body("detail", containsString(userId.toString()));
        given().auth().oauth2(network.admin()).delete("/api/v1/numbers/{n}", spare).then().statusCode(204);
        EventProbe.await(Topics.NUMBER_INVENTORY, e -> e.subject().equals(spare) && e.type().equals(NumberChanged.RELEASED),
                Duration.ofSeconds(20));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", spare).then().statusCode(404);
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", held).then().statusCode(200)
                .body("status", equalTo("assigned"));
    }
}
