package io.switchboard.sync;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.TenantRef;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.sandbox.ServiceTitanSandbox;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OfficePhoneSyncTest {

    private static final AtomicLong TENANTS = new AtomicLong(2_000_000 + (System.nanoTime() % 1_000) * 1_000);

    final ServiceTitanSandbox st = SandboxResource.sandbox();

    @Test
    void anAssignedLineIsWrittenToEveryLinkedTenantAndATenantAddedLaterGetsItToo() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = "riley." + userId.toString().substring(0, 6) + "@demo.example.com";
        TenantRef sanDiego = tenant();
        TenantRef phoenix = tenant();
        TenantRef tucson = tenant();
        long sdEmployee = st.addEmployee(sanDiego.serviceTitanTenantId(), "Riley Chen", email.toUpperCase());
        long phxEmployee = st.addEmployee(phoenix.serviceTitanTenantId(), "Riley Chen", email);
        long tucEmployee = st.addEmployee(tucson.serviceTitanTenantId(), "Riley Chen", email);

        user(networkId, userId, email, "ACTIVE", 0, List.of(sanDiego, phoenix));
        line(networkId, userId, "+16195550142", 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(st.officePhone(sanDiego.serviceTitanTenantId(), sdEmployee)).isEqualTo("+16195550142");
            assertThat(st.officePhone(phoenix.serviceTitanTenantId(), phxEmployee)).isEqualTo("+16195550142");
        });
        EventProbe.await(Topics.SYNC_LINKS, e -> e.subject().equals(userId.toString()) && e.type().equals(SyncLinkChanged.LINKED),
                Duration.ofSeconds(10));
        EventProbe.await(Topics.SYNC_LINKS, e -> e.subject().equals(userId.toString()) && e.type().equals(OfficePhoneWritten.TYPE),
                Duration.ofSeconds(10));

        // The seeds' known gap: a tenant added to an active user gets the line too.
        changed(networkId, userId, email, "ACTIVE", 2, UserChanged.TENANTS_CHANGED, List.of(sanDiego, phoenix, tucson));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(tucson.serviceTitanTenantId(), tucEmployee)).isEqualTo("+16195550142"));

        String admin = TestTokens.admin(networkId);
        given().auth().oauth2(admin).get("/api/v1/sync/users/{id}", userId).then().statusCode(200)
                .body("directLine", equalTo("+16195550142"))
                .body("tenants.size()", equalTo(3))
                .body("tenants.linkStatus", org.hamcrest.Matchers.everyItem(equalTo("linked")))
                .body("tenants.officePhoneWritten", org.hamcrest.Matchers.everyItem(equalTo("+16195550142")));

        // Deactivation clears it everywhere.
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserDeactivated.TYPE,
                new UserDeactivated(userId, networkId, email, 3, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(st.officePhone(sanDiego.serviceTitanTenantId(), sdEmployee)).isNull();
            assertThat(st.officePhone(phoenix.serviceTitanTenantId(), phxEmployee)).isNull();
            assertThat(st.officePhone(tucson.serviceTitanTenantId(), tucEmployee)).isNull();
        });
    }

    @Test
    void anEmailNobodyHasIsReportedAndSeveralEmployeesWithItAreAmbiguous() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = "ghost." + userId.toString().substring(0, 6) + "@demo.example.com";
        TenantRef empty = tenant();
        TenantRef crowded = tenant();
        st.addEmployee(crowded.serviceTitanTenantId(), "Twin One", email);
        st.addEmployee(crowded.serviceTitanTenantId(), "Twin Two", email);
        user(networkId, userId, email, "ACTIVE", 0, List.of(empty, crowded));

        SyncLinkChanged notFound = EventProbe.await(Topics.SYNC_LINKS, e -> e.subject().equals(userId.toString())
                && e.type().equals(SyncLinkChanged.NOT_FOUND), Duration.ofSeconds(20)).dataAs(SyncLinkChanged.class);
        assertThat(notFound.serviceTitanTenantId()).isEqualTo(empty.serviceTitanTenantId());
        assertThat(notFound.email()).isEqualTo(email);
        SyncLinkChanged ambiguous = EventProbe.await(Topics.SYNC_LINKS, e -> e.subject().equals(userId.toString())
                && e.type().equals(SyncLinkChanged.AMBIGUOUS), Duration.ofSeconds(20)).dataAs(SyncLinkChanged.class);
        assertThat(ambiguous.candidates()).isEqualTo(2);
        assertThat(ambiguous.employeeId()).isNull();
        given().auth().oauth2(TestTokens.admin(networkId)).get("/api/v1/sync/users/{id}", userId).then()
                .body("tenants.linkStatus", org.hamcrest.Matchers.containsInAnyOrder("not-found", "ambiguous"));

        // The user's email is fixed in the hub: re-linked by the new email.
        String fixed = "ghost.fixed." + userId.toString().substring(0, 6) + "@demo.example.com";
        long employee = st.addEmployee(empty.serviceTitanTenantId(), "Ghost", fixed);
        changed(networkId, userId, fixed, "ACTIVE", 1, UserChanged.UPDATED, List.of(empty, crowded));
        line(networkId, userId, "+16195550177", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(empty.serviceTitanTenantId(), employee)).isEqualTo("+16195550177"));
    }

    @Test
    void numberEventsArrivingOutOfOrderLeaveTheLatestLine() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = "order." + userId.toString().substring(0, 6) + "@demo.example.com";
        TenantRef t = tenant();
        long employee = st.addEmployee(t.serviceTitanTenantId(), "Ora Order", email);
        user(networkId, userId, email, "ACTIVE", 0, List.of(t));
        line(networkId, userId, "+16195550300", 3);
        line(networkId, userId, "+16195550200", 2);
        line(networkId, userId, "+16195550100", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).isEqualTo("+16195550300"));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).isEqualTo("+16195550300"));
        assertThat(st.patches()).filteredOn(p -> p.employeeId() == employee).extracting(ServiceTitanSandbox.Patch::phoneNumber)
                .containsOnly("+16195550300");
    }

    @Test
    void reconciliationPutsBackAPhoneChangedInServiceTitanAndReportsIt() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = "drift." + userId.toString().substring(0, 6) + "@demo.example.com";
        TenantRef t = tenant();
        long employee = st.addEmployee(t.serviceTitanTenantId(), "Dre Drift", email);
        user(networkId, userId, email, "ACTIVE", 0, List.of(t));
        line(networkId, userId, "+16195550400", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).isEqualTo("+16195550400"));

        st.changeOfficePhoneBehindOurBack(t.serviceTitanTenantId(), employee, "(555) 010-9999");
        String admin = TestTokens.admin(networkId);
        given().auth().oauth2(admin).contentType(ContentType.JSON).post("/api/v1/sync/reconcile").then().statusCode(200)
                .body("checked", equalTo(1)).body("fixed[0].found", equalTo("(555) 010-9999"))
                .body("fixed[0].expected", equalTo("+16195550400"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).isEqualTo("+16195550400"));
        given().auth().oauth2(admin).post("/api/v1/sync/reconcile").then().statusCode(200).body("fixed.size()", equalTo(0));
        given().auth().oauth2(admin).get("/api/v1/sync/status").then().statusCode(200)
                .body("failedWrites", equalTo(0)).body("links.linked", equalTo(1));
    }

    static TenantRef tenant() {
        return new TenantRef(UUID.randomUUID(), TENANTS.incrementAndGet(), "Tenant");
    }

    static void user(UUID networkId, UUID userId, String email, String status, long version, List<TenantRef> tenants) {
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, UserCreated.TYPE, new UserCreated(userId,
                networkId, email, "Riley", "Chen", null, status, List.of("contact-center-agent"),
                tenants.stream().map(TenantRef::tenantId).toList(), version, Instant.now(), List.of(), tenants)));
    }

    static void changed(UUID networkId, UUID userId, String email, String status, long version, String type,
                        List<TenantRef> tenants) {
        EventProbe.send(Topics.DIRECTORY_USERS, TestEvents.event(networkId, userId, type, new UserChanged(userId, networkId,
                email, "Riley", "Chen", null, status, List.of("contact-center-agent"),
                tenants.stream().map(TenantRef::tenantId).toList(), version, Instant.now(), List.of(), tenants, null,
                List.of(), List.of())));
    }

    static void line(UUID networkId, UUID userId, String number, long lineVersion) {
        EventProbe.send(Topics.NUMBER_LINES, TestEvents.event(networkId, userId, DirectLineChanged.ASSIGNED,
                new DirectLineChanged(userId, networkId, number, null, List.of(), lineVersion, Instant.now())));
    }
}
