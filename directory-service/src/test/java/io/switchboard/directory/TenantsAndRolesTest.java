package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.directory.DirectoryApi.Admin;
import io.switchboard.platform.contract.RoleChanged;
import io.switchboard.platform.contract.TenantChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.PASSWORD;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.createTenant;
import static io.switchboard.directory.DirectoryApi.createUser;
import static io.switchboard.directory.DirectoryApi.tokenOf;
import static io.switchboard.directory.DirectoryApi.versionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TenantsAndRolesTest {

    @Test
    void adminsRegisterTenantsWhoseNamesAndServiceTitanIdsAreUniqueAndAnAssignedTenantCannotBeDeleted() {
        Admin admin = bootstrap();
        String id = given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Comfort Air San Diego", "serviceTitanTenantId", 1045321))
                .post("/api/v1/tenants")
                .then().statusCode(201).header("ETag", "\"0\"").body("serviceTitanTenantId", equalTo(1045321))
                .extract().path("id");
        TenantChanged created = EventProbe.await(Topics.DIRECTORY_TENANTS, e -> e.subject().equals(id), Duration.ofSeconds(20))
                .dataAs(TenantChanged.class);
        assertThat(created.serviceTitanTenantId()).isEqualTo(1045321);
        assertThat(created.networkId()).isEqualTo(admin.networkId());

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "comfort air SAN DIEGO", "serviceTitanTenantId", 99))
                .post("/api/v1/tenants").then().statusCode(409).body("detail", containsString(id));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Phoenix", "serviceTitanTenantId", 1045321))
                .post("/api/v1/tenants").then().statusCode(409).body("detail", containsString("Comfort Air San Diego"));

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Comfort Air SD", "serviceTitanTenantId", 1045321))
                .put("/api/v1/tenants/{id}", id).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Comfort Air SD"));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Stale", "serviceTitanTenantId", 1045321))
                .put("/api/v1/tenants/{id}", id).then().statusCode(412);

        String userId = createUser(admin, "ty.lane@" + admin.domain(), List.of("contact-center-agent"), List.of(UUID.fromString(id))).path("id");
        given().auth().oauth2(admin.token()).delete("/api/v1/tenants/{id}", id)
                .then().statusCode(409).body("detail", containsString("1 user"));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("tenantIds", List.of(), "version", versionOf(admin, userId)))
                .put("/api/v1/users/{id}/tenants", userId).then().statusCode(200);
        given().auth().oauth2(admin.token()).delete("/api/v1/tenants/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin.token()).get("/api/v1/tenants/{id}", id).then().statusCode(404);
    }

    @Test
    void thePermissionCatalogHasBothKindsWithTheSeedsNames() {
        Admin admin = bootstrap();
        given().auth().oauth2(admin.token()).get("/api/v1/permissions").then().statusCode(200)
                .body("hub.name", hasItems("View My Tenants", "Make Outbound Calls", "View & Edit User Management",
                        "Manage Roles", "Manage Tenants"))
                .body("serviceTitan.code", hasItem("st.jobs.book"))
                .body("hub.find { it.code == 'hub.tenants.view-mine' }.description", containsString("tenants"));
    }

    @Test
    void customRolesAreValidatedPublishedAndBuiltInRolesAreReadOnly() {
        Admin admin = bootstrap();
        given().auth().oauth2(admin.token()).get("/api/v1/roles").then().statusCode(200)
                .body("key", hasItems("network-admin", "contact-center-agent"))
                .body("find { it.key == 'contact-center-agent' }.hubPermissions", hasItems("hub.tenants.view-mine", "hub.calls.outbound"));

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Dispatcher", "hubPermissions", List.of("hub.tenants.view-mine", "hub.wizardry"),
                        "serviceTitanPermissions", List.of("st.fly")))
                .post("/api/v1/roles").then().statusCode(400)
                .body("errors.field", hasItems("hubPermissions[1]", "serviceTitanPermissions[0]"));
        given().auth().oauth2(admin.token()).get("/api/v1/roles").then().body("name", not(hasItem("Dispatcher")));

        String roleId = given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Dispatcher", "description", "Books and dispatches jobs",
                        "hubPermissions", List.of("hub.tenants.view-mine"),
                        "serviceTitanPermissions", List.of("st.jobs.book", "st.dispatch.board")))
                .post("/api/v1/roles").then().statusCode(201).body("key", equalTo("dispatcher")).extract().path("id");
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Dispatcher", "hubPermissions", List.of("hub.tenants.view-mine", "hub.calls.outbound"),
                        "serviceTitanPermissions", List.of("st.jobs.book")))
                .put("/api/v1/roles/dispatcher").then().statusCode(200).body("version", equalTo(1));
        RoleChanged updated = EventProbe.await(Topics.DIRECTORY_ROLES,
                e -> e.subject().equals(roleId) && e.type().equals(RoleChanged.UPDATED), Duration.ofSeconds(20)).dataAs(RoleChanged.class);
        assertThat(updated.hubPermissions()).containsExactly("hub.calls.outbound", "hub.tenants.view-mine");
        assertThat(updated.serviceTitanPermissions()).containsExactly("st.jobs.book");

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Boss", "hubPermissions", List.of("hub.roles.manage")))
                .put("/api/v1/roles/network-admin").then().statusCode(409).body("detail", containsString("built-in"));
        given().auth().oauth2(admin.token()).delete("/api/v1/roles/contact-center-agent").then().statusCode(409);

        createUser(admin, "di.spatch@" + admin.domain(), List.of("dispatcher"), List.of());
        given().auth().oauth2(admin.token()).delete("/api/v1/roles/dispatcher").then().statusCode(409)
                .body("detail", containsString("1 user"));
    }

    @Test
    void aRoleSwitchedOffForOneTenantTakesItsServiceTitanPermissionsAwayThereOnly() {
        Admin admin = bootstrap();
        UUID sanDiego = createTenant(admin, "San Diego");
        UUID phoenix = createTenant(admin, "Phoenix");
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Dispatcher", "hubPermissions", List.of("hub.tenants.view-mine"),
                        "serviceTitanPermissions", List.of("st.dispatch.board")))
                .post("/api/v1/roles").then().statusCode(201);
        String email = "mo.reed@" + admin.domain();
        String userId = createUser(admin, email, List.of("contact-center-agent", "dispatcher"), List.of(sanDiego, phoenix)).path("id");
        String password = activate(admin, userId);

        Map<String, List<String>> before = tenantPermissions(tokenOf(email, password));
        assertThat(before.get(sanDiego.toString())).contains("st.dispatch.board", "st.calls.take");
        assertThat(before.get(phoenix.toString())).contains("st.dispatch.board", "st.calls.take");

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + versionOf(admin, userId) + "\"")
                .body(Map.of("roles", List.of(Map.of("role", "contact-center-agent"),
                        Map.of("role", "dispatcher", "disabledTenantIds", List.of(phoenix)))))
                .put("/api/v1/users/{id}/roles", userId)
                .then().statusCode(200)
                .body("roleAssignments.find { it.role == 'dispatcher' }.disabledTenantIds", hasItem(phoenix.toString()));

        Map<String, List<String>> after = tenantPermissions(tokenOf(email, password));
        assertThat(after.get(sanDiego.toString())).contains("st.dispatch.board", "st.calls.take");
        assertThat(after.get(phoenix.toString())).contains("st.calls.take").doesNotContain("st.dispatch.board");

        // A role can only be switched off for a tenant the user is assigned to.
        UUID elsewhere = createTenant(admin, "Tucson");
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + versionOf(admin, userId) + "\"")
                .body(Map.of("roles", List.of(Map.of("role", "dispatcher", "disabledTenantIds", List.of(elsewhere)))))
                .put("/api/v1/users/{id}/roles", userId)
                .then().statusCode(400).body("errors[0].field", equalTo("roles[0].disabledTenantIds[0]"));
    }

    /** Accepts the user's invitation (from the mailbox) and returns the password they chose. */
    static String activate(Admin admin, String userId) {
        String email = given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId).then().extract().path("email");
        String token = InvitationsTest.latestInvitationToken(email);
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/api/v1/invitations/{token}/accept", token).then().statusCode(200).body("status", equalTo("active"));
        return PASSWORD;
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> tenantPermissions(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        try {
            Map<String, Object> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
            return (Map<String, List<String>>) claims.get("tenant_permissions");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
