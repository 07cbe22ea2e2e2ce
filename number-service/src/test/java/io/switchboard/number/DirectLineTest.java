package io.switchboard.number;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.number.NumberApi.Network;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.NumberChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.switchboard.number.NumberApi.buy;
import static io.switchboard.number.NumberApi.network;
import static io.switchboard.number.NumberApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DirectLineTest {

    @Test
    void aDirectLineIsReplacedNeverRemovedAndTheReplacedNumberGoesToTheReserveList() {
        Network network = network();
        UUID userId = user(network);
        String first = buy(network, "619");
        String second = buy(network, "619");
        setLine(network, userId, first).then().statusCode(200).body("directLine", equalTo(first)).body("lineVersion", equalTo(1));
        DirectLineChanged assigned = awaitLine(userId, 1);
        assertThat(assigned.number()).isEqualTo(first);
        assertThat(assigned.previousNumber()).isNull();

        setLine(network, userId, second).then().statusCode(200).body("directLine", equalTo(second));
        DirectLineChanged replaced = awaitLine(userId, 2);
        assertThat(replaced.number()).isEqualTo(second);
        assertThat(replaced.previousNumber()).isEqualTo(first);
        EventProbe.await(Topics.NUMBER_INVENTORY, e -> e.subject().equals(first) && e.type().equals(NumberChanged.RESERVED),
                Duration.ofSeconds(20));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", first).then()
                .body("status", equalTo("reserved")).body("releasedFromUser", equalTo(userId.toString()));

        // There is no way to remove a direct line: no DELETE, and the primary cannot be removed as a number either.
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/direct-line", userId).then().statusCode(405);
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/numbers/{n}", userId, second).then().statusCode(409)
                .body("detail", containsString("cannot be removed"));

        // The reserved number can be given to someone else.
        UUID other = user(network);
        setLine(network, other, first).then().statusCode(200).body("directLine", equalTo(first));
        // Assigning the line a user already has changes nothing.
        setLine(network, userId, second).then().statusCode(200).body("lineVersion", equalTo(2));
    }

    @Test
    void trackingAndMarketingNumbersAreNeverAPersonsAndANumberIsOnePersonsOnly() {
        Network network = network();
        UUID userId = user(network);
        UUID other = user(network);
        String tracking = buy(network, "702", "tracking");
        String marketing = buy(network, "702", "marketing");
        setLine(network, userId, tracking).then().statusCode(409).body("detail", containsString("tracking and marketing"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", marketing))
                .post("/api/v1/users/{id}/numbers", userId).then().statusCode(409).body("detail", containsString("never assigned"));

        String line = buy(network, "702");
        setLine(network, userId, line).then().statusCode(200);
        setLine(network, other, line).then().statusCode(409).body("detail", containsString("another person"));
        setLine(network, other, "+17025550000").then().statusCode(404).body("detail", containsString("buy it first"));
        setLine(network, UUID.randomUUID(), line).then().statusCode(404);
        setLine(NumberApi.network(), userId, line).then().statusCode(404);
    }

    @Test
    void manyAdminsAssigningOneNumberAtOnceGiveItToExactlyOnePerson() throws Exception {
        Network network = network();
        String contested = buy(network, "214");
        int threads = 8;
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            users.add(user(network));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (UUID u : users) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return setLine(network, u, contested).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> a : answers) {
                codes.add(a.get());
            }
            assertThat(codes).containsOnly(200, 409);
            assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        UUID winner = UUID.fromString(given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", contested)
                .then().body("status", equalTo("assigned")).extract().path("userId"));
        long holders = users.stream().filter(u -> contested.equals(given().auth().oauth2(network.admin())
                .get("/api/v1/users/{id}/numbers", u).then().extract().path("directLine"))).count();
        assertThat(holders).isEqualTo(1);
        assertThat(users).contains(winner);
    }

    @Test
    void secondaryNumbersCanBeAddedRemovedAndSwappedInAsThePrimary() {
        Network network = network();
        UUID userId = user(network);
        String primary = buy(network, "305");
        String secondary = buy(network, "305");
        String extra = buy(network, "305");
        // The first number a user gets is their direct line.
        add(network, userId, primary).then().statusCode(200).body("directLine", equalTo(primary));
        add(network, userId, secondary).then().statusCode(200).body("secondaryNumbers", equalTo(List.of(secondary)));
        add(network, userId, extra).then().statusCode(200);

        given().auth().oauth2(network.admin()).post("/api/v1/users/{id}/numbers/{n}/make-primary", userId, secondary)
                .then().statusCode(200).body("directLine", equalTo(secondary))
                .body("secondaryNumbers", org.hamcrest.Matchers.containsInAnyOrder(primary, extra));
        DirectLineChanged swapped = EventProbe.await(Topics.NUMBER_LINES,
                e -> e.subject().equals(userId.toString()) && e.type().equals(DirectLineChanged.PRIMARY_CHANGED),
                Duration.ofSeconds(20)).dataAs(DirectLineChanged.class);
        assertThat(swapped.number()).isEqualTo(secondary);
        assertThat(swapped.previousNumber()).isEqualTo(primary);

        // The old primary is now a secondary and can be removed; it goes to the reserve list.
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/numbers/{n}", userId, primary)
                .then().statusCode(200).body("secondaryNumbers", equalTo(List.of(extra)));
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", primary).then().body("status", equalTo("reserved"));
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/numbers/{n}", userId, secondary)
                .then().statusCode(409);
        setLine(network, userId, extra).then().statusCode(409).body("detail", containsString("make it primary"));
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/numbers/{n}", userId, "+13055550123")
                .then().statusCode(404);
    }

    /** Line events for the user apply in lineVersion order: the event with this version. */
    private static DirectLineChanged awaitLine(UUID userId, long lineVersion) {
        return EventProbe.await(Topics.NUMBER_LINES, e -> e.subject().equals(userId.toString())
                        && e.type().equals(DirectLineChanged.ASSIGNED)
                        && e.dataAs(DirectLineChanged.class).lineVersion() == lineVersion, Duration.ofSeconds(20))
                .dataAs(DirectLineChanged.class);
    }

    static io.restassured.response.Response setLine(Network network, UUID userId, String number) {
        return given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", number))
                .put("/api/v1/users/{id}/direct-line", userId);
    }

    private static io.restassured.response.Response add(Network network, UUID userId, String number) {
        return given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", number))
                .post("/api/v1/users/{id}/numbers", userId);
    }
}
