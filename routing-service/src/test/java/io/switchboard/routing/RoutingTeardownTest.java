package io.switchboard.routing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.routing.domain.Queue;
import io.switchboard.routing.domain.QueueMember;
import io.switchboard.routing.domain.VoicemailBox;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RoutingTeardownTest {

    @Test
    void deactivationRemovesTheUserFromEveryQueueAndDeletesTheirVoicemailOnce() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        UUID callCenter = UUID.randomUUID();
        UUID dispatch = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            queue(networkId, callCenter, "Inbound Sales", "CALL_CENTER");
            queue(networkId, dispatch, "Dispatch", "DEPARTMENT");
            member(networkId, callCenter, userId);
            member(networkId, dispatch, userId);
            member(networkId, dispatch, colleague);
            VoicemailBox box = new VoicemailBox();
            box.userId = userId;
            box.networkId = networkId;
            box.createdAt = Instant.now();
            box.persist();
        });
        String admin = TestTokens.admin(networkId);
        given().auth().oauth2(admin).get("/api/v1/users/{id}/queues", userId).then().statusCode(200).body("$", hasSize(2));

        EventEnvelope deactivated = TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "x@example.com", 2, Instant.now()));
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated);
        EventProbe.send(Topics.DIRECTORY_USERS, deactivated);

        EventEnvelope released = EventProbe.await(Topics.ROUTING_ASSIGNMENTS,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserRoutingReleased.TYPE), Duration.ofSeconds(20));
        UserRoutingReleased body = released.dataAs(UserRoutingReleased.class);
        assertThat(body.queuesLeft()).containsExactlyInAnyOrder(callCenter, dispatch);
        assertThat(body.voicemailDeleted()).isTrue();

        given().auth().oauth2(admin).get("/api/v1/users/{id}/queues", userId).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(admin).get("/api/v1/users/{id}/queues", colleague).then().statusCode(200).body("$", hasSize(1));
        // The redelivered deactivation released nothing twice (a poll loop over a 500 ms probe timed out on a busy CI).
        assertThat(EventProbe.all(Topics.ROUTING_ASSIGNMENTS, e -> e.subject().equals(userId.toString()),
                Duration.ofSeconds(3))).hasSize(1);
    }

    private static void queue(UUID networkId, UUID id, String name, String kind) {
        Queue q = new Queue();
        q.id = id;
        q.networkId = networkId;
        q.name = name;
        q.kind = kind;
        q.persist();
    }

    private static void member(UUID networkId, UUID queueId, UUID userId) {
        QueueMember m = new QueueMember();
        m.queueId = queueId;
        m.userId = userId;
        m.networkId = networkId;
        m.joinedAt = Instant.now();
        m.persist();
    }
}
