package io.switchboard.sync;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.testing.TestTokens;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DirectoryReplicaTest {

    @Test
    void replicaFollowsTheDirectoryAndIgnoresAStaleReplay() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        EventEnvelope created = TestEvents.event(networkId, userId, UserCreated.TYPE, new UserCreated(userId, networkId,
                "Pat.Ng@example.com", "Pat", "Ng", null, "INVITED", List.of("contact-center-agent"), List.of(), 1, Instant.now(), List.of(), List.of()));
        EventProbe.send(Topics.DIRECTORY_USERS, created);
        String admin = TestTokens.admin(networkId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/sync/users/{id}", userId).then().statusCode(200)
                .body("email", equalTo("Pat.Ng@example.com")).body("status", equalTo("invited")));

        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, "Pat.Ng@example.com", 2, Instant.now())));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserCreated.TYPE, created.dataAs(UserCreated.class)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/sync/users/{id}", userId).then().statusCode(200)
                .body("status", equalTo("deactivated")).body("directoryVersion", equalTo(2)));

        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/sync/users/{id}", userId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEmailChangeReachesTheReplicaAndAnOlderChangeArrivingLateDoesNotUndoIt() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String admin = TestTokens.admin(networkId);
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserCreated.TYPE, new UserCreated(userId,
                networkId, "lou.ma@example.com", "Lou", "Ma", null, "ACTIVE", List.of("contact-center-agent"), List.of(), 0,
                Instant.now(), List.of(), List.of())));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserChanged.UPDATED,
                changed(userId, networkId, "lou.ma@new.example.com", "lou.ma@example.com", 3)));
        // Version 2 (an earlier rename) is delivered after version 3: ignored.
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserChanged.UPDATED,
                changed(userId, networkId, "lou.ma@old.example.com", "lou.ma@example.com", 2)));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserChanged.ROLES_CHANGED,
                changed(userId, networkId, "lou.ma@new.example.com", null, 4)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/sync/users/{id}", userId).then().statusCode(200)
                .body("email", equalTo("lou.ma@new.example.com")).body("directoryVersion", equalTo(4)));
    }

    private static UserChanged changed(UUID userId, UUID networkId, String email, String previousEmail, long version) {
        return new UserChanged(userId, networkId, email, "Lou", "Ma", null, "ACTIVE", List.of("contact-center-agent"),
                List.of(), version, Instant.now(), List.of(), List.of(), previousEmail, List.of(), List.of());
    }
}
