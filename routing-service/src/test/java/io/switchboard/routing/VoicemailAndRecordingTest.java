package io.switchboard.routing;

import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.RoutingApi.Network;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.routing.RoutingApi.network;
import static io.switchboard.routing.RoutingApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class VoicemailAndRecordingTest {

    @Test
    void voicemailCopiesAtMostTenHubUsersAndTheNotificationGoesToTheHubEmailAndTheCopies() {
        Network network = network();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID owner = user(network, "owner." + suffix + "@example.com");
        List<String> colleagues = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            colleagues.add("cc" + i + "." + suffix + "@example.com");
            user(network, colleagues.get(i), "");
        }
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(Map.of("ccRecipients", colleagues))
                .put("/api/v1/users/{id}/voicemail", owner).then().statusCode(400)
                .body("errors[0].field", equalTo("ccRecipients")).body("errors[0].message", containsString("at most 10"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("ccRecipients", List.of(colleagues.get(0), "friend@gmail.com")))
                .put("/api/v1/users/{id}/voicemail", owner).then().statusCode(400)
                .body("errors[0].field", equalTo("ccRecipients[1]")).body("errors[0].message", containsString("not a hub user"));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", owner).then().body("enabled", equalTo(false));

        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("emailNotifications", true, "ccRecipients", colleagues.subList(0, 10)))
                .put("/api/v1/users/{id}/voicemail", owner).then().statusCode(200)
                .body("enabled", equalTo(true)).body("primaryRecipient", equalTo("owner." + suffix + "@example.com"))
                .body("ccRecipients.size()", equalTo(10));
        EventProbe.await(Topics.ROUTING_VOICEMAIL, e -> e.subject().equals(owner.toString())
                && e.type().equals(VoicemailChanged.CREATED), Duration.ofSeconds(20));

        // The owner's hub email changes: the primary recipient follows.
        String renamed = "owner.renamed." + suffix + "@example.com";
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(network.id(), owner, UserChanged.UPDATED, new UserChanged(owner,
                network.id(), renamed, "Pat", "Lee", null, "ACTIVE", List.of(), List.of(), 2, Instant.now(), List.of(), List.of(),
                "owner." + suffix + "@example.com", List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(network.admin())
                .get("/api/v1/users/{id}/voicemail", owner).then().body("primaryRecipient", equalTo(renamed)));

        String telephony = TestTokens.token(network.id(), UUID.randomUUID(), Permission.TELEPHONY_INTAKE);
        String messageId = given().auth().oauth2(telephony).contentType(ContentType.JSON)
                .body(Map.of("caller", "+16195550199", "durationSeconds", 42, "audioRef", "s3://voicemail/abc.wav"))
                .post("/api/v1/users/{id}/voicemail/messages", owner).then().statusCode(201).extract().path("id");
        MockMailbox mailbox = Arc.container().instance(MockMailbox.class).get();
        Mail mail = await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(renamed), m -> m != null && !m.isEmpty()).get(0);
        assertThat(mail.getSubject()).contains("+16195550199");
        assertThat(mail.getCc()).containsExactlyInAnyOrderElementsOf(colleagues.subList(0, 10));
        String editor = TestTokens.token(network.id(), UUID.randomUUID(), Permission.EDIT_USER_MANAGEMENT);
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("caller", "x", "durationSeconds", 1, "audioRef", "y"))
                .post("/api/v1/users/{id}/voicemail/messages", owner).then().statusCode(403);

        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail/messages", owner).then()
                .body("size()", equalTo(1)).body("[0].read", equalTo(false));
        given().auth().oauth2(network.admin()).post("/api/v1/users/{id}/voicemail/messages/{m}/read", owner, messageId)
                .then().statusCode(200).body("read", equalTo(true));

        // Turning voicemail off loses the messages: it must be confirmed, and says what will be lost.
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/voicemail", owner).then().statusCode(409)
                .body("detail", containsString("1 message(s)")).body("detail", containsString("confirm=true"));
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/voicemail", owner).then().body("messages", equalTo(1));
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/voicemail/messages/{m}", owner, messageId)
                .then().statusCode(204);
        given().auth().oauth2(network.admin()).delete("/api/v1/users/{id}/voicemail?confirm=true", owner).then().statusCode(204);
        VoicemailChanged deleted = EventProbe.await(Topics.ROUTING_VOICEMAIL, e -> e.subject().equals(owner.toString())
                && e.type().equals(VoicemailChanged.DELETED), Duration.ofSeconds(20)).dataAs(VoicemailChanged.class);
        assertThat(deleted.enabled()).isFalse();
        given().auth().oauth2(telephony).contentType(ContentType.JSON)
                .body(Map.of("caller", "+16195550199", "durationSeconds", 5, "audioRef", "s3://voicemail/def.wav"))
                .post("/api/v1/users/{id}/voicemail/messages", owner).then().statusCode(409);
    }

    @Test
    void usersFollowTheNetworkDefaultsExceptWhereCustomized() {
        Network network = network();
        UUID userId = user(network, "rec." + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        given().auth().oauth2(network.admin()).get("/api/v1/recording-defaults").then().statusCode(200)
                .body("inbound", equalTo("AUTOMATICALLY")).body("announcement", equalTo("PROMPT"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("inbound", "always", "outbound", "manually", "announcement", "never", "version", 0))
                .put("/api/v1/recording-defaults").then().statusCode(200).body("inbound", equalTo("ALWAYS"));
        EventProbe.await(Topics.ROUTING_RECORDING, e -> e.subject().equals(network.id().toString())
                && e.type().equals(RecordingChanged.TYPE), Duration.ofSeconds(20));

        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/recording-settings", userId).then()
                .body("inbound", equalTo("ALWAYS")).body("outbound", equalTo("MANUALLY"))
                .body("inboundFromDefault", equalTo(true));
        Map<String, Object> custom = new HashMap<>();
        custom.put("outbound", "never");
        custom.put("inbound", null);
        custom.put("version", 0);
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).body(custom)
                .put("/api/v1/users/{id}/recording-settings", userId).then().statusCode(200)
                .body("outbound", equalTo("NEVER")).body("outboundFromDefault", equalTo(false))
                .body("inbound", equalTo("ALWAYS")).body("inboundFromDefault", equalTo(true))
                .body("announcement", equalTo("NEVER")).body("announcementFromDefault", equalTo(true));
        RecordingChanged changed = EventProbe.await(Topics.ROUTING_RECORDING, e -> e.subject().equals(userId.toString()),
                Duration.ofSeconds(20)).dataAs(RecordingChanged.class);
        assertThat(changed.customized()).isTrue();
        assertThat(changed.outbound()).isEqualTo("NEVER");

        // A later default still reaches the fields the user did not customize.
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("inbound", "manually", "outbound", "always", "announcement", "prompt"))
                .put("/api/v1/recording-defaults").then().statusCode(200);
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/recording-settings", userId).then()
                .body("inbound", equalTo("MANUALLY")).body("outbound", equalTo("NEVER")).body("announcement", equalTo("PROMPT"));

        given().auth().oauth2(network.admin()).contentType(ContentType.JSON)
                .body(Map.of("inbound", "sometimes", "outbound", "always", "announcement", "loudly", "version", 2))
                .put("/api/v1/recording-defaults").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("inbound", "announcement"));
        given().auth().oauth2(network.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("inbound", "never", "outbound", "never", "announcement", "never"))
                .put("/api/v1/recording-defaults").then().statusCode(412);
    }
}
