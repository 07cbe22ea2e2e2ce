package io.switchboard.number;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.number.domain.UserNumber;
import io.switchboard.platform.contract.Topics;
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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class NumberTeardownTest {

    @Test
    void deactivationMovesTheUsersNumbersToTheReserveListAndPublishesTheReleaseOnce() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String line = "+1619555" + (1000 + (int) (Math.random() * 8999));
        String secondary = "+1858555" + (1000 + (int) (Math.random() * 8999));
        QuarkusTransaction.requiringNew().run(() -> {
            hold(networkId, userId, line, "DIRECT_LINE");
            hold(networkId, userId, secondary, "SECONDARY");
        });

        EventEnvelope deactivated = deactivation(networkId, userId);
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated);
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated); // redelivery

        EventEnvelope released = EventProbe.await(Topics.NUMBER_LINES,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserNumbersReleased.TYPE), Duration.ofSeconds(20));
        assertThat(released.dataAs(UserNumbersReleased.class).releasedNumbers()).containsExactlyInAnyOrder(line, secondary);
        assertThat(released.networkId()).isEqualTo(networkId);

        given().auth().oauth2(TestTokens.admin(networkId)).get("/api/v1/numbers/reserve")
                .then().statusCode(200).body("number", hasItems(line, secondary));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/numbers/reserve")
                .then().statusCode(200).body("number", not(hasItems(line)));
        assertThat(EventProbe.all(Topics.NUMBER_LINES, e -> e.subject().equals(userId.toString()), Duration.ofSeconds(3)))
                .as("the redelivered deactivation released nothing twice").hasSize(1);
    }

    @Test
    void theReleaseCarriesTheTraceOfTheDeactivationThatCausedIt() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        EventProbe.send(Topics.DIRECTORY_USERS, deactivation(networkId, userId), "00-" + traceId + "-b7ad6b7169203331-01");

        var released = EventProbe.awaitRecord(Topics.NUMBER_LINES, e -> e.subject().equals(userId.toString()),
                Duration.ofSeconds(20));
        String traceparent = CloudEventCodec.get(released.headers(), CloudEventCodec.TRACEPARENT);
        assertThat(TraceContext.traceIdOf(traceparent)).isEqualTo(traceId);
        assertThat(traceparent).isNotEqualTo("00-" + traceId + "-b7ad6b7169203331-01");
    }

    @Test
    void reserveListNeedsAToken() {
        given().get("/api/v1/numbers/reserve").then().statusCode(401).contentType("application/problem+json");
    }

    static EventEnvelope deactivation(UUID networkId, UUID userId) {
        return TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "x@example.com", 2, Instant.now()));
    }

    private static void hold(UUID networkId, UUID userId, String number, String kind) {
        UserNumber n = new UserNumber();
        n.number = number;
        n.networkId = networkId;
        n.userId = userId;
        n.kind = kind;
        n.assignedAt = Instant.now();
        n.persist();
    }
}
