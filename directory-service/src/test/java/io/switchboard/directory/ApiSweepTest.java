package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.directory.DirectoryApi.Admin;
import io.switchboard.testing.Sweep;
import io.switchboard.testing.Sweep.Endpoint;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.createTenant;
import static io.switchboard.directory.DirectoryApi.createUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that needs a caller: no token → 401, a token without the permission → 403, another network's ids →
 * 404; and bad input anywhere → a 4xx problem, never a 5xx, with nothing changed.
 */
@QuarkusTest
class ApiSweepTest {

    Admin owner;
    Admin stranger;
    String userId;
    String tenantId;
    String roleKey = "sweep-role";

    /** A fresh fixture per test: each test also checks that it changed nothing. */
    @BeforeEach
    void fixture() {
        owner = bootstrap();
        stranger = bootstrap();
        tenantId = createTenant(owner, "Sweep Tenant").toString();
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Sweep Role", "hubPermissions", List.of("hub.tenants.view-mine")))
                .post("/api/v1/roles").then().statusCode(201);
        userId = createUser(owner, "sweep.user@" + owner.domain(), List.of("contact-center-agent"),
                List.of(UUID.fromString(tenantId))).path("id");
    }

    List<Endpoint> endpoints() {
        Map<String, Object> role = Map.of("name", "Sweep Role 2", "hubPermissions", List.of("hub.tenants.view-mine"), "version", 0);
        return List.of(
                new Endpoint("GET", "/api/v1/users", null, true),
                new Endpoint("POST", "/api/v1/users", Map.of("firstName", "A", "lastName", "B", "email",
                        "new.one@" + owner.domain(), "roles", List.of("contact-center-agent")), true),
                new Endpoint("GET", "/api/v1/users/{user}", null, true),
                new Endpoint("PATCH", "/api/v1/users/{user}", Map.of("firstName", "Changed", "version", 0), true),
                new Endpoint("PUT", "/api/v1/users/{user}/roles", Map.of("roles", List.of(Map.of("role", "network-admin")), "version", 0), true),
                new Endpoint("PUT", "/api/v1/users/{user}/tenants", Map.of("tenantIds", List.of(), "version", 0), true),
                new Endpoint("POST", "/api/v1/users/{user}/invitations", null, true),
                new Endpoint("POST", "/api/v1/users/{user}/deactivate", null, true),
                new Endpoint("POST", "/api/v1/users/{user}/reactivate", null, true),
                new Endpoint("GET", "/api/v1/tenants", null, true),
                new Endpoint("POST", "/api/v1/tenants", Map.of("name", "T2", "serviceTitanTenantId", 77), true),
                new Endpoint("GET", "/api/v1/tenants/{tenant}", null, true),
                new Endpoint("PUT", "/api/v1/tenants/{tenant}", Map.of("name", "Renamed", "serviceTitanTenantId", 78, "version", 0), true),
                new Endpoint("DELETE", "/api/v1/tenants/{tenant}", null, true),
                new Endpoint("GET", "/api/v1/roles", null, true),
                new Endpoint("POST", "/api/v1/roles", role, true),
                new Endpoint("GET", "/api/v1/roles/{role}", null, true),
                new Endpoint("PUT", "/api/v1/roles/{role}", role, true),
                new Endpoint("DELETE", "/api/v1/roles/{role}", null, true),
                new Endpoint("GET", "/api/v1/permissions", null, false),
                new Endpoint("GET", "/api/v1/sso", null, true),
                new Endpoint("PUT", "/api/v1/sso", Map.of("issuer", "https://idp.example.com", "jwksUri", "https://idp.example.com/keys"), true),
                new Endpoint("DELETE", "/api/v1/sso", null, true),
                new Endpoint("POST", "/api/v1/scim/secret", null, true));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        assertThat(Sweep.answering(null, endpoints(), this::fill, 401)).isEmpty();
        assertUnchanged();
    }

    @Test
    void aTokenWithoutThePermissionIs403() {
        String noPermissions = TestTokens.token(owner.networkId(), UUID.randomUUID());
        assertThat(Sweep.answering(noPermissions, endpoints().stream().filter(Endpoint::needsPermission).toList(), this::fill,
                403)).isEmpty();
        assertThat(Sweep.answering(noPermissions, endpoints().stream().filter(e -> !e.needsPermission()).toList(), this::fill,
                200)).isEmpty();
        assertUnchanged();
    }

    @Test
    void anotherNetworksIdsAre404() {
        assertThat(Sweep.notHidden(stranger.token(), endpoints(), this::fill)).isEmpty();
        assertUnchanged();
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        String user = "/api/v1/users/" + userId;
        String tenant = "/api/v1/tenants/" + tenantId;
        String role = "/api/v1/roles/" + roleKey;
        List<String[]> cases = List.of(
                new String[]{"POST", "/api/v1/users", "{\"firstName\": "},
                new String[]{"POST", "/api/v1/users", "[]"},
                new String[]{"POST", "/api/v1/users", "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"x@y.z\",\"roles\":[\"contact-center-agent\"],\"tenantIds\":[\"nope\"]}"},
                new String[]{"POST", "/api/v1/users", "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"x@y.z\",\"roles\":[\"contact-center-agent\"],\"tenantIds\":[\"" + UUID.randomUUID() + "\"]}"},
                new String[]{"POST", "/api/v1/users", "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"x@y.z\",\"roles\":[null]}"},
                new String[]{"POST", "/api/v1/users", "{\"firstName\":\"" + "A".repeat(101) + "\",\"lastName\":\"B\",\"email\":\"x@y.z\",\"roles\":[\"contact-center-agent\"]}"},
                new String[]{"POST", "/api/v1/users", "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"x@y.z\",\"phone\":\"call me\",\"roles\":[\"contact-center-agent\"]}"},
                new String[]{"PATCH", user, "{\"email\":\"not-an-email\",\"version\":0}"},
                new String[]{"PATCH", user, "{\"firstName\":\"\",\"version\":0}"},
                new String[]{"PATCH", user, "{\"version\":\"zero\"}"},
                new String[]{"PATCH", user, "{\"firstName\":\"X\"}"},
                new String[]{"PUT", user + "/roles", "{\"roles\":[],\"version\":0}"},
                new String[]{"PUT", user + "/roles", "{\"roles\":[{\"role\":\"ghost\"}],\"version\":0}"},
                new String[]{"PUT", user + "/roles", "{\"roles\":[{\"role\":\"contact-center-agent\",\"disabledTenantIds\":[\"x\"]}],\"version\":0}"},
                new String[]{"PUT", user + "/tenants", "{\"tenantIds\":[null],\"version\":0}"},
                new String[]{"PUT", user + "/tenants", "{\"tenantIds\":\"all\",\"version\":0}"},
                new String[]{"POST", "/api/v1/tenants", "{\"name\":\"T\",\"serviceTitanTenantId\":-5}"},
                new String[]{"POST", "/api/v1/tenants", "{\"name\":\"T\",\"serviceTitanTenantId\":\"abc\"}"},
                new String[]{"POST", "/api/v1/tenants", "{\"name\":\"\"}"},
                new String[]{"PUT", tenant, "{\"name\":\"T\",\"serviceTitanTenantId\":5}"},
                new String[]{"PUT", tenant, "{\"name\":\"T\",\"serviceTitanTenantId\":5,\"version\":\"x\"}"},
                new String[]{"POST", "/api/v1/roles", "{\"name\":\"Empty\"}"},
                new String[]{"POST", "/api/v1/roles", "{\"name\":\"R\",\"hubPermissions\":[null]}"},
                new String[]{"POST", "/api/v1/roles", "{\"name\":\"R\",\"hubPermissions\":\"hub.calls.outbound\"}"},
                new String[]{"PUT", role, "{\"name\":\"R\",\"hubPermissions\":[\"hub.calls.outbound\"]}"},
                new String[]{"PUT", "/api/v1/sso", "{\"issuer\":\"https://i\",\"jwksUri\":\"ftp://keys\"}"},
                new String[]{"PUT", "/api/v1/sso", "{\"issuer\":\"\",\"jwks\":\"{}\"}"},
                new String[]{"POST", "/api/v1/auth/token", "{\"email\":\"nope\"}"},
                new String[]{"POST", "/api/v1/auth/sso", "{}"},
                new String[]{"POST", "/api/v1/invitations/abc/accept", "{\"password\":5}"},
                new String[]{"POST", "/api/v1/networks", "{\"name\":\"N\",\"admin\":{\"email\":\"a@b.c\"}}"});
        assertThat(Sweep.notRejected(owner.token(), cases)).isEmpty();
        assertUnchanged();
    }

    /** {user}, {tenant} and {role} in an endpoint are the fixture network's ids. */
    private String fill(String s) {
        return s.replace("{user}", userId).replace("{tenant}", tenantId).replace("{role}", roleKey);
    }

    /** The fixture network looks exactly as it was set up. */
    private void assertUnchanged() {
        given().auth().oauth2(owner.token()).get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0)).body("status", org.hamcrest.Matchers.equalTo("invited"))
                .body("firstName", org.hamcrest.Matchers.equalTo("Sweep"));
        given().auth().oauth2(owner.token()).get("/api/v1/tenants/{id}", tenantId).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(owner.token()).get("/api/v1/roles/{key}", roleKey).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(owner.token()).get("/api/v1/users").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(2));
        given().auth().oauth2(owner.token()).get("/api/v1/tenants").then().body("size()", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(owner.token()).get("/api/v1/sso").then().statusCode(404);
    }
}
