package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.switchboard.directory.DirectoryApi.Admin;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.trace.TraceContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.PASSWORD;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.createUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class DirectoryFlowTest {

    @Test
    void bootstrappedAdminSignsInCreatesAndDeactivatesAUserAndEachChangeIsPublished() {
        Admin admin = bootstrap();

        ExtractableResponse<Response> created = given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Dana", "lastName", "Reyes", "email", "Dana.Reyes@" + admin.domain(),
                        "roles", new String[]{"contact-center-agent"}))
                .post("/api/v1/users")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/users/"))
                .body("status", equalTo("invited"))
                .body("networkId", equalTo(admin.networkId().toString()))
                .extract();
        UUID userId = UUID.fromString(created.path("id"));

        EventEnvelope createdEvent = EventProbe.await(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserCreated.TYPE), Duration.ofSeconds(20));
        UserCreated body = createdEvent.dataAs(UserCreated.class);
        assertThat(createdEvent.networkId()).isEqualTo(admin.networkId());
        assertThat(createdEvent.actor()).isEqualTo("user:" + admin.userId());
        assertThat(body.email()).isEqualTo("Dana.Reyes@" + admin.domain());
        assertThat(body.roles()).containsExactly("contact-center-agent");

        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", userId)
                .then().statusCode(200).body("status", equalTo("deactivated")).body("deactivatedAt", notNullValue());
        // Deactivating again is harmless and announces nothing new.
        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", userId)
                .then().statusCode(200).body("status", equalTo("deactivated"));

        var deactivations = EventProbe.all(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(userId.toString()) && e.type().equals(UserDeactivated.TYPE), Duration.ofSeconds(4));
        assertThat(deactivations).hasSize(1);
        assertThat(deactivations.get(0).dataAs(UserDeactivated.class).version())
                .isGreaterThan(body.version());
    }

    @Test
    void emailIsUniquePerNetworkWhateverItsCaseAndTheConflictNamesTheHolder() {
        Admin admin = bootstrap();
        String id = createUser(admin, "sam.lee@" + admin.domain()).path("id");

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Other", "lastName", "Sam", "email", "SAM.LEE@" + admin.domain().toUpperCase(),
                        "roles", new String[]{"contact-center-agent"}))
                .post("/api/v1/users")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(id)).body("detail", containsString("Sam Lee"));

        // The same email is free in another network.
        Admin other = bootstrap();
        given().auth().oauth2(other.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Sam", "lastName", "Lee", "email", "sam.lee@" + admin.domain(),
                        "roles", new String[]{"contact-center-agent"}))
                .post("/api/v1/users").then().statusCode(201);
    }

    @Test
    void concurrentCreatesOfOneEmailGiveExactlyOneUserAndConflictsForTheRest() throws Exception {
        Admin admin = bootstrap();
        int threads = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                            .body(Map.of("firstName", "Race", "lastName", "Condition", "email", "race@" + admin.domain(),
                                    "roles", new String[]{"contact-center-agent"}))
                            .post("/api/v1/users").statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var s : statuses) {
                codes.add(s.get());
            }
            assertThat(codes).containsOnly(201, 409);
            assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsA400ProblemListingEveryField() {
        Admin admin = bootstrap();
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "", "email", "not-an-email", "roles", new String[]{"wizard"}))
                .post("/api/v1/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"));

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "B", "email", "a.b@" + admin.domain(), "roles", new String[]{"wizard"}))
                .post("/api/v1/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("roles[0]"))
                .body("errors[0].message", containsString("GET /api/v1/roles"));

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body("{\"firstName\": [")
                .post("/api/v1/users")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin.token()).get("/api/v1/users/not-a-uuid")
                .then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("name", "Acme"))
                .post("/api/v1/networks")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("admin"));
    }

    @Test
    void callersNeedAValidTokenThePermissionAndTheirOwnNetwork() {
        Admin admin = bootstrap();
        String userId = createUser(admin, "kim@" + admin.domain()).path("id");

        given().get("/api/v1/users/{id}", userId)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get("/api/v1/users/{id}", userId)
                .then().statusCode(401).contentType("application/problem+json");

        String agent = TestTokens.token(admin.networkId(), UUID.randomUUID(), Permission.MAKE_OUTBOUND_CALLS);
        given().auth().oauth2(agent).post("/api/v1/users/{id}/deactivate", userId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("View & Edit User Management"));

        Admin stranger = bootstrap();
        given().auth().oauth2(stranger.token()).get("/api/v1/users/{id}", userId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger.token()).post("/api/v1/users/{id}/deactivate", userId)
                .then().statusCode(404);
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId)
                .then().statusCode(200).body("status", equalTo("invited"));
    }

    @Test
    void signInRejectsWrongPasswordsAndInvitedUsersAndTheTokenVerifiesAgainstTheJwks() {
        Admin admin = bootstrap();
        given().contentType(ContentType.JSON).body(Map.of("email", admin.email(), "password", "wrong password!!"))
                .post("/api/v1/auth/token")
                .then().statusCode(401).contentType("application/problem+json");
        createUser(admin, "invited@" + admin.domain());
        given().contentType(ContentType.JSON).body(Map.of("email", "invited@" + admin.domain(), "password", PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(401);

        given().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kid", notNullValue());
    }

    @Test
    void theCallersTraceTravelsWithTheEventTheRequestPublished() {
        Admin admin = bootstrap();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String userId = given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("firstName", "Tia", "lastName", "Trace", "email", "tia@" + admin.domain(),
                        "roles", new String[]{"contact-center-agent"}))
                .post("/api/v1/users")
                .then().statusCode(201).header("traceparent", containsString(traceId)).extract().path("id");

        var record = EventProbe.awaitRecord(Topics.DIRECTORY_USERS, e -> e.subject().equals(userId), Duration.ofSeconds(20));
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.TRACEPARENT)).startsWith("00-" + traceId + "-");

        // Without a trace from the caller, the request starts one and the event carries it.
        String started = given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", userId)
                .then().statusCode(200).extract().header("traceparent");
        assertThat(TraceContext.traceIdOf(started)).isNotNull().isNotEqualTo(traceId);
        var deactivated = EventProbe.awaitRecord(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(userId) && e.type().equals(UserDeactivated.TYPE), Duration.ofSeconds(20));
        assertThat(TraceContext.traceIdOf(CloudEventCodec.get(deactivated.headers(), CloudEventCodec.TRACEPARENT)))
                .isEqualTo(TraceContext.traceIdOf(started));
    }

    @Test
    void adminCannotDeactivateThemselves() {
        Admin admin = bootstrap();
        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", admin.userId())
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("switchboard_outbox_pending"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/users"));
    }
}
