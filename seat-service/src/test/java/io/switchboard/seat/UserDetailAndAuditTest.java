package io.switchboard.seat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.RoleChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.RoleAssignment;
import io.switchboard.platform.events.EventEnvelope;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class UserDetailAndAuditTest {

    final UUID networkId = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final UUID userId = UUID.randomUUID();
    final String admin = TestTokens.admin(networkId);

    @Test
    void theFlyoutShowsPermissionsNumbersRecordingQueuesAndServiceTitanStatus() {
        EventProbe.send(Topics.DIRECTORY_ROLES, TestEvents.event(networkId, UUID.randomUUID(), RoleChanged.CREATED,
                new RoleChanged(UUID.randomUUID(), networkId, "dispatcher", "Dispatcher", "", false,
                        List.of("hub.tenants.view-mine", "hub.calls.outbound"), List.of("st.dispatch.board"), false, 0, Instant.now())));
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, io.switchboard.platform.contract.UserCreated.TYPE,
                new io.switchboard.platform.contract.UserCreated(userId, networkId, "fay@example.com", "Fay", "Flyout", null,
                        "ACTIVE", List.of("dispatcher", "unknown-role"), List.of(tenant), 0, Instant.now(),
                        List.of(new RoleAssignment("dispatcher", List.of(tenant)), new RoleAssignment("unknown-role", List.of())),
                        List.of())));
        Fixtures.line(networkId, userId, "+16195550160", List.of("+16195550161"), 1);
        Fixtures.joined(networkId, userId, UUID.randomUUID(), "Service Desk");
        EventProbe.send(Topics.ROUTING_RECORDING, TestEvents.event(networkId, userId, RecordingChanged.TYPE,
                new RecordingChanged(networkId, userId, "ALWAYS", "MANUALLY", "PROMPT", true, 2, Instant.now())));
        // An older recording change arriving late changes nothing.
        EventProbe.send(Topics.ROUTING_RECORDING, TestEvents.event(networkId, userId, RecordingChanged.TYPE,
                new RecordingChanged(networkId, userId, "NEVER", "NEVER", "NEVER", false, 1, Instant.now())));
        EventProbe.send(Topics.SYNC_LINKS, TestEvents.event(networkId, userId, SyncLinkChanged.LINKED,
                new SyncLinkChanged(userId, networkId, tenant, 1045321, "fay@example.com", "linked", 88L, 1, Instant.now())));
        EventProbe.send(Topics.SYNC_LINKS, TestEvents.event(networkId, userId, OfficePhoneWritten.TYPE,
                new OfficePhoneWritten(userId, networkId, tenant, 1045321, 88, "+16195550160", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("numbers.directLine", equalTo("+16195550160"))
                .body("numbers.secondaryNumbers", contains("+16195550161"))
                .body("queues.name", contains("Service Desk"))
                .body("recording.inbound", equalTo("ALWAYS"))
                .body("serviceTitan[0].officePhone", equalTo("+16195550160")));
        given().auth().oauth2(admin).get("/api/v1/users/{id}", userId).then()
                .body("permissions.hubPermissions", contains("hub.calls.outbound", "hub.tenants.view-mine"))
                .body("permissions.roles[0].name", equalTo("Dispatcher"))
                .body("permissions.roles[0].serviceTitanPermissions", contains("st.dispatch.board"))
                .body("permissions.roles[0].disabledTenantIds", contains(tenant.toString()))
                .body("permissions.roles[1].known", equalTo(false))
                .body("recording.customized", equalTo(true))
                .body("serviceTitan[0].status", equalTo("linked"))
                .body("serviceTitan[0].employeeId", equalTo(88))
                .body("serviceTitan[0].serviceTitanTenantId", equalTo(1045321))
                .body("e911.status", equalTo("missing"))
                .body("alerts.kind", contains("line-without-e911"))
                .body("seat.level", equalTo("none"))
                .body("teardown.status", equalTo("not-applicable"));

        // The employee disappears from ServiceTitan: the status and an alert say so.
        EventProbe.send(Topics.SYNC_LINKS, TestEvents.event(networkId, userId, SyncLinkChanged.NOT_FOUND,
                new SyncLinkChanged(userId, networkId, tenant, 1045321, "fay@example.com", "not-found", null, 0, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}", userId).then().body("serviceTitan[0].status", equalTo("not-found"))
                .body("alerts.kind", hasItem("servicetitan-employee-not-found")));
    }

    @Test
    void theAuditLogRecordsChangesFromEveryServiceWithActorAndBeforeAndAfter() {
        Fixtures.user(networkId, userId, "Audrey", "Audit", List.of("contact-center-agent"), tenant);
        Fixtures.line(networkId, userId, "+16195550170", List.of(), 1);
        EventEnvelope rolesChanged = TestEvents.from("directory-service", "user:" + Fixtures.ADMIN, networkId, userId,
                UserChanged.ROLES_CHANGED, new UserChanged(userId, networkId,
                "audrey.audit@example.com", "Audrey", "Audit", null, "ACTIVE", List.of("contact-center-agent", "dispatcher"),
                List.of(tenant), 1, Instant.now(), List.of(), List.of(), null, List.of(), List.of()));
        EventProbe.send(Topics.DIRECTORY_USERS, rolesChanged);
        Fixtures.e911(admin, userId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixtures.seat(admin, userId, "basic", tenant)
                .then().statusCode(200));
        UUID queue = UUID.randomUUID();
        Fixtures.joined(networkId, userId, queue, "Dispatch");
        // Redelivered: recorded once.
        EventProbe.send(Topics.DIRECTORY_USERS, rolesChanged);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/users/{id}/audit-log", userId).then().statusCode(200)
                .body("items.service", hasItem("routing-service"))
                .body("items.type", contains("queue.member.added", "seat.assigned", "e911.updated", "user.roles.changed",
                        "directline.assigned", "user.created")));
        var log = given().auth().oauth2(admin).get("/api/v1/users/{id}/audit-log", userId).then().extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(log.getList("items.service")).containsExactly("routing-service",
                "seat-service", "seat-service", "directory-service", "number-service", "directory-service");
        given().auth().oauth2(admin).get("/api/v1/users/{id}/audit-log", userId).then()
                .body("items[0].changes[0].field", equalTo("queue Dispatch"))
                .body("items[0].changes[0].before", nullValue())
                .body("items[0].changes[0].after", equalTo("member"))
                .body("items[0].actor", equalTo("user:" + Fixtures.ADMIN))
                .body("items[1].actor", containsString("user:"))
                .body("items[1].changes.find { it.field == 'seatLevel' }.before", equalTo("NONE"))
                .body("items[1].changes.find { it.field == 'seatLevel' }.after", equalTo("BASIC"))
                .body("items[3].changes", hasSize(1))
                .body("items[3].changes[0].field", equalTo("roles"))
                .body("items[3].changes[0].before", contains("contact-center-agent"))
                .body("items[3].changes[0].after", contains("contact-center-agent", "dispatcher"))
                .body("items[4].changes[0].field", equalTo("directLine"))
                .body("items[4].changes[0].after", equalTo("+16195550170"));

        String cursor = given().auth().oauth2(admin).queryParam("limit", 4).get("/api/v1/users/{id}/audit-log", userId)
                .then().body("items", hasSize(4)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("limit", 4).queryParam("cursor", cursor)
                .get("/api/v1/users/{id}/audit-log", userId).then()
                .body("items.type", contains("directline.assigned", "user.created")).body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/users/{id}/audit-log", userId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("cursor", "nope").get("/api/v1/users/{id}/audit-log", userId)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aSeatUpdateNamingAStaleVersionIsRefusedAndChangesNothing() {
        Fixtures.user(networkId, userId, "Vera", "Version", List.of("contact-center-agent"), tenant);
        Fixtures.line(networkId, userId, "+16195550180", List.of(), 1);
        Fixtures.e911(admin, userId);
        String etag = given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", userId).then().statusCode(200)
                .extract().header("ETag");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin).header("If-Match", etag)
                .contentType(ContentType.JSON).body(Map.of("level", "basic", "billToTenantId", tenant.toString()))
                .put("/api/v1/users/{id}/seat", userId).then().statusCode(200).body("level", equalTo("basic")));

        // Someone who read the seat before that change tries to make it Advanced.
        given().auth().oauth2(admin).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("level", "advanced", "billToTenantId", tenant.toString()))
                .put("/api/v1/users/{id}/seat", userId).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("level", "advanced", "billToTenantId", tenant.toString(), "version", 1))
                .put("/api/v1/users/{id}/seat", userId).then().statusCode(409).contentType("application/problem+json");
        String current = given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", userId).then()
                .body("level", equalTo("basic")).extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", current).contentType(ContentType.JSON)
                .body(Map.of("level", "advanced", "billToTenantId", tenant.toString()))
                .put("/api/v1/users/{id}/seat", userId).then().statusCode(200).body("level", equalTo("advanced"));
    }
}
