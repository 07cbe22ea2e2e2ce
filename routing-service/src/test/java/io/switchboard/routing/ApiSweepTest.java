package io.switchboard.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.RoutingApi.Network;
import io.switchboard.testing.Sweep;
import io.switchboard.testing.Sweep.Endpoint;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.routing.RoutingApi.join;
import static io.switchboard.routing.RoutingApi.line;
import static io.switchboard.routing.RoutingApi.network;
import static io.switchboard.routing.RoutingApi.queue;
import static io.switchboard.routing.RoutingApi.seat;
import static io.switchboard.routing.RoutingApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Every endpoint: 401 without a token, 403 without the permission, 404 for another network's ids; bad input is a 4xx. */
@QuarkusTest
class ApiSweepTest {

    Network owner;
    UUID userId;
    UUID queueId;
    String messageId;

    @BeforeEach
    void fixture() {
        owner = network();
        userId = user(owner, "sweep." + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        queueId = queue(owner, "Sweep", "department");
        seat(owner, userId, "BASIC", true, 1);
        line(owner, userId, "+16195550150", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> join(owner, queueId, userId).then().statusCode(200));
        given().auth().oauth2(owner.admin()).contentType(ContentType.JSON).body(Map.of("emailNotifications", false))
                .put("/api/v1/users/{id}/voicemail", userId).then().statusCode(200);
        messageId = given().auth().oauth2(owner.admin()).contentType(ContentType.JSON)
                .body(Map.of("caller", "+16195550100", "durationSeconds", 3, "audioRef", "a"))
                .post("/api/v1/users/{id}/voicemail/messages", userId).then().statusCode(201).extract().path("id");
    }

    List<Endpoint> endpoints() {
        Map<String, Object> q = Map.of("name", "Other", "kind", "department", "version", 0);
        Map<String, Object> rec = Map.of("inbound", "never", "outbound", "never", "announcement", "never", "version", 0);
        return List.of(
                new Endpoint("GET", "/api/v1/queues", null),
                new Endpoint("POST", "/api/v1/queues", q),
                new Endpoint("GET", "/api/v1/queues/{queue}", null),
                new Endpoint("PUT", "/api/v1/queues/{queue}", q),
                new Endpoint("DELETE", "/api/v1/queues/{queue}", null),
                new Endpoint("PUT", "/api/v1/queues/{queue}/members/{user}", null),
                new Endpoint("DELETE", "/api/v1/queues/{queue}/members/{user}", null),
                new Endpoint("GET", "/api/v1/users/{user}/queues", null),
                new Endpoint("GET", "/api/v1/users/{user}/voicemail", null),
                new Endpoint("PUT", "/api/v1/users/{user}/voicemail", Map.of("emailNotifications", true)),
                new Endpoint("DELETE", "/api/v1/users/{user}/voicemail?confirm=true", null),
                new Endpoint("GET", "/api/v1/users/{user}/voicemail/messages", null),
                new Endpoint("POST", "/api/v1/users/{user}/voicemail/messages", Map.of("caller", "x", "durationSeconds", 1, "audioRef", "b")),
                new Endpoint("POST", "/api/v1/users/{user}/voicemail/messages/{message}/read", null),
                new Endpoint("DELETE", "/api/v1/users/{user}/voicemail/messages/{message}", null),
                new Endpoint("GET", "/api/v1/recording-defaults", null),
                new Endpoint("PUT", "/api/v1/recording-defaults", rec),
                new Endpoint("GET", "/api/v1/users/{user}/recording-settings", null),
                new Endpoint("PUT", "/api/v1/users/{user}/recording-settings", rec));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        assertThat(Sweep.answering(null, endpoints(), this::fill, 401)).isEmpty();
        assertUnchanged();
    }

    @Test
    void aTokenWithoutThePermissionIs403() {
        String agent = TestTokens.token(owner.id(), UUID.randomUUID(), Permission.MAKE_OUTBOUND_CALLS, Permission.VIEW_MY_TENANTS);
        assertThat(Sweep.answering(agent, endpoints(), this::fill, 403)).isEmpty();
        assertUnchanged();
    }

    @Test
    void anotherNetworksIdsAre404() {
        String stranger = network().admin();
        assertThat(Sweep.notHidden(stranger, endpoints(), this::fill)).isEmpty();
        assertUnchanged();
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        String u = "/api/v1/users/" + userId;
        List<String[]> cases = List.of(
                new String[]{"POST", "/api/v1/queues", "{\"name\": "},
                new String[]{"POST", "/api/v1/queues", "{\"name\":\"\",\"kind\":\"department\"}"},
                new String[]{"POST", "/api/v1/queues", "{\"name\":\"N\",\"kind\":\"lobby\"}"},
                new String[]{"POST", "/api/v1/queues", "{\"name\":\"N\",\"kind\":\"department\",\"tenantId\":\"nope\"}"},
                new String[]{"PUT", "/api/v1/queues/" + queueId, "{\"name\":\"N\",\"kind\":\"department\"}"},
                new String[]{"PUT", "/api/v1/queues/not-a-uuid/members/" + userId, null},
                new String[]{"PUT", u + "/voicemail", "{\"ccRecipients\":\"all\"}"},
                new String[]{"PUT", u + "/voicemail", "{\"ccRecipients\":[null]}"},
                new String[]{"PUT", u + "/voicemail", "{\"emailNotifications\":\"maybe\"}"},
                new String[]{"DELETE", u + "/voicemail", null},
                new String[]{"DELETE", u + "/voicemail?confirm=yes", null},
                new String[]{"POST", u + "/voicemail/messages", "{\"caller\":\"x\",\"durationSeconds\":-1,\"audioRef\":\"a\"}"},
                new String[]{"POST", u + "/voicemail/messages", "{\"caller\":\"x\",\"durationSeconds\":1}"},
                new String[]{"POST", u + "/voicemail/messages", "{\"caller\":\"x\",\"durationSeconds\":1,\"audioRef\":\"a\",\"receivedAt\":\"yesterday\"}"},
                new String[]{"POST", u + "/voicemail/messages/" + UUID.randomUUID() + "/read", null},
                new String[]{"PUT", "/api/v1/recording-defaults", "{\"inbound\":\"always\"}"},
                new String[]{"PUT", "/api/v1/recording-defaults", "{\"inbound\":\"always\",\"outbound\":\"always\",\"announcement\":\"prompt\"}"},
                new String[]{"PUT", u + "/recording-settings", "{\"inbound\":\"loud\",\"version\":0}"},
                new String[]{"PUT", u + "/recording-settings", "{\"version\":\"zero\"}"});
        assertThat(Sweep.notRejected(owner.admin(), cases)).isEmpty();
        assertUnchanged();
    }

    private String fill(String s) {
        return s.replace("{user}", userId.toString()).replace("{queue}", queueId.toString()).replace("{message}", messageId);
    }

    private void assertUnchanged() {
        given().auth().oauth2(owner.admin()).get("/api/v1/users/{id}/queues", userId).then().body("size()", equalTo(1));
        given().auth().oauth2(owner.admin()).get("/api/v1/queues/{id}", queueId).then().statusCode(200)
                .body("name", equalTo("Sweep")).body("version", equalTo(0));
        given().auth().oauth2(owner.admin()).get("/api/v1/users/{id}/voicemail", userId).then()
                .body("enabled", equalTo(true)).body("emailNotifications", equalTo(false)).body("messages", equalTo(1));
        given().auth().oauth2(owner.admin()).get("/api/v1/users/{id}/voicemail/messages", userId).then()
                .body("[0].read", equalTo(false));
        given().auth().oauth2(owner.admin()).get("/api/v1/recording-defaults").then().body("version", equalTo(0));
        given().auth().oauth2(owner.admin()).get("/api/v1/users/{id}/recording-settings", userId).then().body("version", equalTo(0));
    }
}
