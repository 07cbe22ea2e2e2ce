package io.switchboard.directory;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The directory's public API as the tests drive it: a fresh network per test, so tests never see each other's data. */
final class DirectoryApi {

    static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SERVICE_TITAN_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    record Admin(UUID networkId, UUID userId, String email, String token, String domain) {
    }

    private DirectoryApi() {
    }

    static Admin bootstrap() {
        String domain = "n" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        String email = "admin@" + domain;
        UUID networkId = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Plumbing", "admin", Map.of("firstName", "Ada", "lastName", "Admin",
                        "email", email, "password", PASSWORD)))
                .post("/api/v1/networks")
                .then().statusCode(201).body("admin.status", equalTo("active")).extract().path("id"));
        ExtractableResponse<Response> token = signIn(email, PASSWORD).then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).extract();
        return new Admin(networkId, UUID.fromString(token.path("userId")), email, token.path("accessToken"), domain);
    }

    static Response signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token");
    }

    static String tokenOf(String email, String password) {
        return signIn(email, password).then().statusCode(200).extract().path("accessToken");
    }

    static ExtractableResponse<Response> createUser(Admin admin, String email) {
        return createUser(admin, email, List.of("contact-center-agent"), List.of());
    }

    static ExtractableResponse<Response> createUser(Admin admin, String email, List<String> roles, List<UUID> tenantIds) {
        String local = email.substring(0, email.indexOf('@'));
        return given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", local.contains(".") ? capital(local.split("\\.")[0]) : capital(local),
                        "lastName", local.contains(".") ? capital(local.split("\\.")[1]) : "Tester",
                        "email", email, "roles", roles, "tenantIds", tenantIds))
                .post("/api/v1/users")
                .then().statusCode(201).extract();
    }

    static UUID createTenant(Admin admin, String name) {
        return UUID.fromString(given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "serviceTitanTenantId", SERVICE_TITAN_IDS.incrementAndGet()))
                .post("/api/v1/tenants")
                .then().statusCode(201).extract().path("id"));
    }

    static long versionOf(Admin admin, Object userId) {
        return ((Number) given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId)
                .then().statusCode(200).extract().path("version")).longValue();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
