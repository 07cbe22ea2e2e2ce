package io.switchboard.seat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.security.Permission;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Every endpoint: 401 without a token, 403 without the permission, 404 for another network's ids; bad input is a 4xx. */
@QuarkusTest
class ApiSweepTest {

    final UUID networkId = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final UUID userId = UUID.randomUUID();
    final String admin = TestTokens.admin(networkId);
    long seatVersion;
    String jobId;

    @BeforeEach
    void fixture() {
        Fixtures.user(networkId, userId, "Swee", "Per", List.of("contact-center-agent"), tenant);
        Fixtures.line(networkId, userId, "+16195550190", List.of(), 1);
        Fixtures.e911(admin, userId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixtures.seat(admin, userId, "basic", tenant)
                .then().statusCode(200));
        seatVersion = given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", userId).then().extract().jsonPath()
                .getLong("version");
        // A job that stays running (no routing-service here to answer it): something to read and to try to retry.
        jobId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(recordingJob()).post("/api/v1/jobs")
                .then().statusCode(202).extract().path("id");
    }

    private Map<String, Object> recordingJob() {
        return Map.of("type", "edit", "action", "recording", "users", List.of(Map.of("userId", userId.toString())),
                "recording", Map.of("useDefaults", true));
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/user-management", null),
                new Endpoint("GET", "/api/v1/users/{user}", null),
                new Endpoint("GET", "/api/v1/users/{user}/audit-log", null),
                new Endpoint("GET", "/api/v1/users/{user}/seat", null),
                new Endpoint("PUT", "/api/v1/users/{user}/seat", Map.of("level", "advanced", "billToTenantId", tenant.toString())),
                new Endpoint("GET", "/api/v1/users/{user}/e911", null),
                new Endpoint("PUT", "/api/v1/users/{user}/e911", Map.of("street", "2 Main St", "city", "Austin",
                        "state", "TX", "postalCode", "78701")),
                new Endpoint("GET", "/api/v1/seats/summary", null),
                new Endpoint("POST", "/api/v1/e911/validate", Fixtures.SAN_DIEGO),
                new Endpoint("GET", "/api/v1/alerts", null),
                new Endpoint("GET", "/api/v1/alerts?userId={user}", null),
                new Endpoint("GET", "/api/v1/jobs", null),
                new Endpoint("GET", "/api/v1/jobs/{job}", null),
                new Endpoint("POST", "/api/v1/jobs", recordingJob()),
                new Endpoint("POST", "/api/v1/jobs/{job}/retry", null));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        assertThat(Sweep.answering(null, endpoints(), this::fill, 401)).isEmpty();
        assertUnchanged();
    }

    @Test
    void aTokenWithoutThePermissionIs403() {
        String agent = TestTokens.token(networkId, UUID.randomUUID(), Permission.MAKE_OUTBOUND_CALLS, Permission.VIEW_MY_TENANTS);
        assertThat(Sweep.answering(agent, endpoints(), this::fill, 403)).isEmpty();
        // Viewing is not editing.
        String viewer = TestTokens.token(networkId, UUID.randomUUID(), Permission.VIEW_USER_MANAGEMENT);
        assertThat(Sweep.answering(viewer, endpoints().stream().filter(e -> !e.method().equals("GET")
                && !e.path().endsWith("/validate")).toList(), this::fill, 403)).isEmpty();
        assertUnchanged();
    }

    @Test
    void anotherNetworksIdsAre404() {
        String stranger = TestTokens.admin(UUID.randomUUID());
        assertThat(Sweep.notHidden(stranger, endpoints(), this::fill)).isEmpty();
        assertUnchanged();
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        String u = "/api/v1/users/" + userId;
        List<String[]> cases = List.of(
                new String[]{"PUT", u + "/seat", "{\"level\": "},
                new String[]{"PUT", u + "/seat", "{}"},
                new String[]{"PUT", u + "/seat", "{\"level\":\"gold\",\"billToTenantId\":\"" + tenant + "\"}"},
                new String[]{"PUT", u + "/seat", "{\"level\":\"advanced\",\"billToTenantId\":\"nope\"}"},
                new String[]{"PUT", u + "/seat", "{\"level\":\"advanced\",\"billToTenantId\":\"" + UUID.randomUUID() + "\"}"},
                new String[]{"PUT", u + "/seat", "{\"level\":\"advanced\",\"billToTenantId\":\"" + tenant + "\",\"version\":\"x\"}"},
                new String[]{"PUT", u + "/seat", "{\"level\":\"advanced\",\"billToTenantId\":\"" + tenant + "\",\"version\":" + (seatVersion + 7) + "}"},
                new String[]{"PUT", u + "/seat", "[1,2]"},
                new String[]{"PUT", "/api/v1/users/not-a-uuid/seat", "{\"level\":\"none\"}"},
                new String[]{"PUT", u + "/e911", "{}"},
                new String[]{"PUT", u + "/e911", "{\"street\":\"1 Market St\",\"city\":\"San Diego\",\"state\":\"ZZ\",\"postalCode\":\"92101\"}"},
                new String[]{"PUT", u + "/e911", "{\"street\":\"1 Market St\",\"city\":\"San Diego\",\"state\":\"CA\",\"postalCode\":\"abc\",\"allowUnverified\":\"perhaps\"}"},
                new String[]{"PUT", u + "/e911", "{\"street\":\"" + "x".repeat(300) + "\",\"city\":\"San Diego\",\"state\":\"CA\",\"postalCode\":\"92101\"}"},
                new String[]{"PUT", u + "/e911", "{\"city\":\"San Diego\",\"state\":\"CA\",\"postalCode\":\"92101\",\"allowUnverified\":true}"},
                new String[]{"POST", "/api/v1/e911/validate", "not json"},
                new String[]{"POST", "/api/v1/e911/validate", null},
                new String[]{"GET", "/api/v1/user-management?limit=-1", null},
                new String[]{"GET", "/api/v1/user-management?seat=gold", null},
                new String[]{"GET", "/api/v1/user-management?queue=42", null},
                new String[]{"GET", "/api/v1/user-management?sort=phone", null},
                new String[]{"GET", "/api/v1/user-management?cursor=%%%", null},
                new String[]{"GET", u + "/audit-log?limit=1000", null},
                new String[]{"GET", u + "/audit-log?cursor=AAAA", null},
                new String[]{"GET", "/api/v1/alerts?userId=someone", null},
                new String[]{"GET", "/api/v1/users/" + UUID.randomUUID(), null},
                new String[]{"POST", "/api/v1/jobs", "not json"},
                new String[]{"POST", "/api/v1/jobs", null},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"setup\"}"},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"cleanup\",\"users\":[{\"userId\":\"" + userId + "\"}]}"},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"edit\",\"action\":\"paint\",\"users\":[{\"userId\":\"" + userId + "\"}]}"},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"edit\",\"action\":\"recording\",\"users\":[{\"userId\":\"nope\"}]}"},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"edit\",\"action\":\"seat-level\",\"seat\":{\"level\":\"gold\"},\"users\":[{\"userId\":\"" + userId + "\"}]}"},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"edit\",\"action\":\"assign-queues\",\"queueIds\":[],\"users\":[{\"userId\":\"" + userId + "\"}]}"},
                new String[]{"POST", "/api/v1/jobs", "{\"type\":\"edit\",\"action\":\"recording\",\"recording\":{\"useDefaults\":true},\"users\":[{\"userId\":\"" + userId + "\"}]}"},
                new String[]{"POST", "/api/v1/jobs/" + UUID.randomUUID() + "/retry", null},
                new String[]{"POST", "/api/v1/jobs/{job}/retry".replace("{job}", jobId), null},
                new String[]{"GET", "/api/v1/jobs?limit=0", null},
                new String[]{"GET", "/api/v1/jobs?cursor=%%%", null},
                new String[]{"GET", "/api/v1/jobs/" + UUID.randomUUID(), null});
        assertThat(Sweep.notRejected(admin, cases)).isEmpty();
        given().auth().oauth2(admin).header("If-Match", "\"" + (seatVersion + 3) + "\"").contentType(ContentType.JSON)
                .body(Map.of("level", "none")).put("/api/v1/users/{id}/seat", userId)
                .then().statusCode(412).contentType("application/problem+json");
        assertUnchanged();
    }

    private String fill(String s) {
        return s.replace("{user}", userId.toString()).replace("{job}", jobId);
    }

    private void assertUnchanged() {
        given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", userId).then().statusCode(200)
                .body("level", equalTo("basic")).body("version", equalTo((int) seatVersion));
        given().auth().oauth2(admin).get("/api/v1/users/{id}/e911", userId).then().statusCode(200)
                .body("street", equalTo("1 MARKET ST")).body("verified", equalTo(true));
        given().auth().oauth2(admin).get("/api/v1/jobs").then().statusCode(200).body("items.id", contains(jobId))
                .body("items[0].status", equalTo("running"));
    }
}
