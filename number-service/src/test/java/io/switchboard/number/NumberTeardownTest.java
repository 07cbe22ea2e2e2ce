package io.switchboard.number;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.number.NumberApi.Network;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.trace.TraceContext;
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
import static io.switchboard.number.NumberApi.buy;
import static io.switchboard.number.NumberApi.network;
import static io.switchboard.number.NumberApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class NumberTeardownTest {

    @Test
    void deactivationMovesEveryNumberToTheReserveListAndPublishesTheReleaseOnce() {
        Network network = network();
        UUID userId = user(network);
        String line = buy(network, "619");
        String secondary = buy(network, "858");
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", line))
                .put("/api/v1/users/{id}/direct-line", userId).then().statusCode(200);
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", secondary))
                .post("/api/v1/users/{id}/numbers", userId).then().statusCode(200);

        EventEnvelope deactivated = deactivation(network.id(), userId, 2);
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated);
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated); // redelivery

        EventEnvelope released = EventProbe.await(Topics.NUMBER_LINES,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserNumbersReleased.TYPE), Duration.ofSeconds(20));
        assertThat(released.dataAs(UserNumbersReleased.class).releasedNumbers()).containsExactlyInAnyOrder(line, secondary);
        DirectLineChanged lineGone = EventProbe.await(Topics.NUMBER_LINES,
                e -> e.subject().equals(userId.toString()) && e.type().equals(DirectLineChanged.RELEASED), Duration.ofSeconds(20))
                .dataAs(DirectLineChanged.class);
        assertThat(lineGone.number()).isNull();
        assertThat(lineGone.previousNumber()).isEqualTo(line);

        given().auth().oauth2(network.admin()).get("/api/v1/numbers/reserve")
                .then().statusCode(200).body("items.number", hasItems(line, secondary))
                .body("items.find { it.number == '" + line + "' }.releasedFromUser", equalTo(userId.toString()));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/numbers", userId)
                .then().body("directLine", nullValue()).body("secondaryNumbers.size()", equalTo(0));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/numbers/reserve")
                .then().statusCode(200).body("items.number", not(hasItems(line)));
        assertThat(EventProbe.all(Topics.NUMBER_LINES,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserNumbersReleased.TYPE), Duration.ofSeconds(3)))
                .as("the redelivered deactivation released nothing twice").hasSize(1);

        // A deactivated user gets no new line; the older creation arriving late does not bring them back.
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(network.id(), userId, UserCreated.TYPE,
                new UserCreated(userId, network.id(), "late@example.com", "Pat", "Lee", null, "ACTIVE", List.of(), List.of(), 1,
                        Instant.now(), List.of(), List.of())));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("number", line))
                        .put("/api/v1/users/{id}/direct-line", userId).then().statusCode(409)
                        .body("detail", containsString("deactivated")));
    }

    @Test
    void theReleaseCarriesTheTraceOfTheDeactivationThatCausedIt() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        EventProbe.send(Topics.DIRECTORY_USERS, deactivation(networkId, userId, 2), "00-" + traceId + "-b7ad6b7169203331-01");

        var released = EventProbe.awaitRecord(Topics.NUMBER_LINES, e -> e.subject().equals(userId.toString()),
                Duration.ofSeconds(20));
        String traceparent = CloudEventCodec.get(released.headers(), CloudEventCodec.TRACEPARENT);
        assertThat(TraceContext.traceIdOf(traceparent)).isEqualTo(traceId);
        assertThat(traceparent).isNotEqualTo("00-" + traceId + "-b7ad6b7169203331-01");
    }

    static EventEnvelope deactivation(UUID networkId, UUID userId, long version) {
        return TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "x@example.com", version, Instant.now()));
    }
}
