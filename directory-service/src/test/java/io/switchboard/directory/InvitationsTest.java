package io.switchboard.directory;

import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.directory.DirectoryApi.Admin;
import io.switchboard.directory.domain.Invitation;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.PASSWORD;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.createUser;
import static io.switchboard.directory.DirectoryApi.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class InvitationsTest {

    private static final Pattern TOKEN = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_-]+)");

    @Test
    void creatingAUserMailsAnInvitationWhoseLinkSetsThePasswordOnce() {
        Admin admin = bootstrap();
        String email = "nia.cole@" + admin.domain();
        String userId = createUser(admin, email).path("id");
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId).then()
                .body("invitation", equalTo("Invite sent")).body("inviteSentAt", notNullValue());

        String token = latestInvitationToken(email);
        signIn(email, PASSWORD).then().statusCode(401);

        given().contentType(ContentType.JSON).body(Map.of("password", "short"))
                .post("/api/v1/invitations/{token}/accept", token)
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", token)
                .then().statusCode(200).body("status", equalTo("active")).body("invitation", equalTo("Accepted"));
        EventProbe.await(Topics.DIRECTORY_USERS, e -> e.subject().equals(userId) && e.type().equals(UserChanged.ACTIVATED),
                Duration.ofSeconds(20));
        signIn(email, PASSWORD).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("password", "another long password"))
                .post("/api/v1/invitations/{token}/accept", token)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("already accepted"));
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", "made-up-token")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/invitations", userId)
                .then().statusCode(409).body("detail", containsString("already accepted"));
    }

    @Test
    void resendingRecordsTheNewTimeAndOnlyTheLatestLinkWorks() throws Exception {
        Admin admin = bootstrap();
        String email = "oli.park@" + admin.domain();
        String userId = createUser(admin, email).path("id");
        String first = latestInvitationToken(email);
        Instant firstSent = Instant.parse(given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId)
                .then().extract().path("inviteSentAt"));

        Thread.sleep(5);
        String resentAt = given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/invitations", userId)
                .then().statusCode(200).body("invitation", equalTo("Invite sent")).extract().path("inviteSentAt");
        assertThat(Instant.parse(resentAt)).isAfter(firstSent);
        String second = latestInvitationToken(email);
        assertThat(second).isNotEqualTo(first);

        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", first)
                .then().statusCode(410).body("detail", containsString("newer"));
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", second).then().statusCode(200);
    }

    @Test
    void anExpiredLinkIsRefusedAndTheAdminCanSendAFreshOne() {
        Admin admin = bootstrap();
        String email = "pia.lund@" + admin.domain();
        UUID userId = UUID.fromString(createUser(admin, email).path("id"));
        String token = latestInvitationToken(email);
        QuarkusTransaction.requiringNew().run(() ->
                Invitation.update("expiresAt = ?1 where userId = ?2", Instant.now().minusSeconds(1), userId));

        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", token)
                .then().statusCode(410).contentType("application/problem+json").body("detail", containsString("expired"));
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId).then().body("status", equalTo("invited"));

        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/invitations", userId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", latestInvitationToken(email)).then().statusCode(200);
    }

    @Test
    void aDeactivatedUsersInvitationNoLongerWorks() {
        Admin admin = bootstrap();
        String email = "quin.ray@" + admin.domain();
        String userId = createUser(admin, email).path("id");
        String token = latestInvitationToken(email);
        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", userId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", token).then().statusCode(410);
        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/invitations", userId)
                .then().statusCode(409).body("detail", containsString("reactivate"));
    }

    /** The token in the newest invitation mailed to the address (mail leaves after commit, so wait for it). */
    static String latestInvitationToken(String email) {
        MockMailbox mailbox = Arc.container().instance(MockMailbox.class).get();
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Mail> mails = mailbox.getMailsSentTo(email);
            if (mails == null || mails.isEmpty()) {
                return null;
            }
            Matcher m = TOKEN.matcher(mails.get(mails.size() - 1).getText());
            return m.find() ? m.group(1) : null;
        }, t -> t != null);
    }
}
