package io.switchboard.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.contract.TenantRef;
import io.switchboard.sandbox.ServiceTitanSandbox;
import io.switchboard.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.sync.OfficePhoneSyncTest.line;
import static io.switchboard.sync.OfficePhoneSyncTest.tenant;
import static io.switchboard.sync.OfficePhoneSyncTest.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SyncResilienceTest {

    final ServiceTitanSandbox st = SandboxResource.sandbox();

    @Inject
    EntityManager em;

    private void awaitLinked(UUID userId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "LINKED".equals(QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select status from st_link where user_id = ?1").setParameter(1, userId)
                        .getResultStream().findFirst().orElse(null))));
    }

    @AfterEach
    void calm() {
        st.faults(0, 0, 1).latency(Duration.ZERO);
    }

    @Test
    void aStormOf429sAnd503sDelaysWritesButEveryOneLandsAndTheRateLimitHolds() {
        UUID networkId = UUID.randomUUID();
        TenantRef t = tenant();
        int users = 60;
        List<UUID> ids = new ArrayList<>();
        List<Long> employees = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            UUID userId = UUID.randomUUID();
            String email = "storm" + i + "." + userId.toString().substring(0, 6) + "@demo.example.com";
            employees.add(st.addEmployee(t.serviceTitanTenantId(), "Storm " + i, email));
            ids.add(userId);
            user(networkId, userId, email, "ACTIVE", 0, List.of(t));
        }
        // A third of calls refused with 429 (Retry-After 1 s), a fifth failing with 503.
        st.faults(0.3, 0.2, 1);
        for (int i = 0; i < users; i++) {
            line(networkId, ids.get(i), "+1619555" + String.format("%04d", 1000 + i), 1);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < users; i++) {
                assertThat(st.officePhone(t.serviceTitanTenantId(), employees.get(i)))
                        .isEqualTo("+1619555" + String.format("%04d", 1000 + i));
            }
        });
        assertThat(st.maxCallsInAnySecond(t.serviceTitanTenantId())).isLessThanOrEqualTo(50);
        given().auth().oauth2(TestTokens.admin(networkId)).get("/api/v1/sync/status").then()
                .body("pendingWrites", equalTo(0)).body("failedWrites", equalTo(0));
    }

    @Test
    void writesClaimedByAWorkerThatDiedAreTakenAgainOnceTheClaimLapses() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = "crash." + userId.toString().substring(0, 6) + "@demo.example.com";
        TenantRef t = tenant();
        long employee = st.addEmployee(t.serviceTitanTenantId(), "Cy Crash", email);
        user(networkId, userId, email, "ACTIVE", 0, List.of(t));
        awaitLinked(userId);

        // What a process killed mid-call leaves behind: a pending write it had claimed and never finished.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into phone_write (user_id, tenant_id, network_id, servicetitan_tenant_id, employee_id,
                                                 desired_phone, status, claimed_until)
                        select user_id, tenant_id, network_id, servicetitan_tenant_id, employee_id, '+16195550999', 'PENDING',
                               now() + interval '2 seconds'
                          from st_link where user_id = ?1""").setParameter(1, userId).executeUpdate());
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofMillis(1500)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).as("still claimed").isNull());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).isEqualTo("+16195550999"));
    }

    @Test
    void aWritePastItsAttemptsIsVisibleAsFailedAndReconciliationRetriesIt() {
        UUID networkId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = "fail." + userId.toString().substring(0, 6) + "@demo.example.com";
        TenantRef t = tenant();
        long employee = st.addEmployee(t.serviceTitanTenantId(), "Fay Fail", email);
        user(networkId, userId, email, "ACTIVE", 0, List.of(t));
        awaitLinked(userId);
        st.faults(0, 1.0, 1);
        line(networkId, userId, "+16195550555", 1);
        String admin = TestTokens.admin(networkId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/sync/users/{id}", userId).then().body("tenants[0].writeStatus", equalTo("failed"))
                .body("tenants[0].lastResult", org.hamcrest.Matchers.containsString("503")));
        given().auth().oauth2(admin).get("/api/v1/sync/status").then().body("failedWrites", equalTo(1));

        st.faults(0, 0, 1);
        given().auth().oauth2(admin).post("/api/v1/sync/reconcile").then().statusCode(200)
                .body("failedWritesRetried", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(st.officePhone(t.serviceTitanTenantId(), employee)).isEqualTo("+16195550555"));
    }

    @Test
    void oneTokenServesManyCallsAndAnExpiringTokenIsRenewedBeforeCallsFail() {
        st.tokenLifetime(Duration.ofSeconds(2));
        try {
            UUID networkId = UUID.randomUUID();
            TenantRef t = tenant();
            List<UUID> ids = new ArrayList<>();
            List<Long> employees = new ArrayList<>();
            long tokensBefore = st.tokenRequests();
            for (int i = 0; i < 5; i++) {
                UUID userId = UUID.randomUUID();
                String email = "tok" + i + "." + userId.toString().substring(0, 6) + "@demo.example.com";
                employees.add(st.addEmployee(t.serviceTitanTenantId(), "Tok " + i, email));
                ids.add(userId);
                user(networkId, userId, email, "ACTIVE", 0, List.of(t));
                line(networkId, userId, "+1619555" + (2000 + i), 1);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(st.officePhone(t.serviceTitanTenantId(), employees.get(i))).isEqualTo("+1619555" + (2000 + i));
                }
            });
            // Ten calls (five look-ups, five writes) within the token's life: far fewer token requests than calls.
            assertThat(st.tokenRequests() - tokensBefore).isLessThanOrEqualTo(3);

            await().pollDelay(Duration.ofMillis(2500)).until(() -> true);
            for (int i = 0; i < 5; i++) {
                line(networkId, ids.get(i), "+1619555" + (3000 + i), 2);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(st.officePhone(t.serviceTitanTenantId(), employees.get(i))).isEqualTo("+1619555" + (3000 + i));
                }
            });
        } finally {
            st.tokenLifetime(Duration.ofMinutes(15));
        }
    }
}
