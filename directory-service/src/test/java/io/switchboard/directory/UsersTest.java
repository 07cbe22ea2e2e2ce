package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.directory.DirectoryApi.Admin;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.PASSWORD;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.createTenant;
import static io.switchboard.directory.DirectoryApi.createUser;
import static io.switchboard.directory.DirectoryApi.signIn;
import static io.switchboard.directory.DirectoryApi.versionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class UsersTest {

    @Test
    void anUpdateMustNameTheVersionItReadAndAStaleOneChangesNothing() {
        Admin admin = bootstrap();
        String userId = createUser(admin, "rae.holt@" + admin.domain()).path("id");
        String etag = given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId)
                .then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("firstName", "Raelyn"))
                .patch("/api/v1/users/{id}", userId)
                .then().statusCode(428).contentType("application/problem+json").body("detail", containsString("If-Match"));

        String newer = given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("firstName", "Raelyn")).patch("/api/v1/users/{id}", userId)
                .then().statusCode(200).body("firstName", equalTo("Raelyn")).extract().header("ETag");
        assertThat(newer).isNotEqualTo(etag);

        // A second admin still holding the old version: refused, and the first admin's change stands.
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("lastName", "Overwritten")).patch("/api/v1/users/{id}", userId)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("lastName", "Overwritten", "version", 0)).patch("/api/v1/users/{id}", userId)
                .then().statusCode(409).body("detail", containsString("version 0"));
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", userId)
                .then().body("firstName", equalTo("Raelyn")).body("lastName", equalTo("Holt")).header("ETag", newer);
    }

    @Test
    void changingTheEmailPublishesTheOldAndNewEmailAndADuplicateInAnyCaseIsRefused() {
        Admin admin = bootstrap();
        String userId = createUser(admin, "sol.vega@" + admin.domain()).path("id");
        createUser(admin, "taken.name@" + admin.domain());

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "TAKEN.Name@" + admin.domain().toUpperCase(), "version", versionOf(admin, userId)))
                .patch("/api/v1/users/{id}", userId)
                .then().statusCode(409).body("detail", containsString("Taken Name"));

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "sol.vega@new." + admin.domain(), "version", versionOf(admin, userId)))
                .patch("/api/v1/users/{id}", userId)
                .then().statusCode(200).body("email", equalTo("sol.vega@new." + admin.domain()));
        UserChanged updated = EventProbe.await(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(userId) && e.type().equals(UserChanged.UPDATED), Duration.ofSeconds(20)).dataAs(UserChanged.class);
        assertThat(updated.previousEmail()).isEqualTo("sol.vega@" + admin.domain());
        assertThat(updated.email()).isEqualTo("sol.vega@new." + admin.domain());
        assertThat(updated.firstName()).isEqualTo("Sol");
    }

    @Test
    void addingATenantToAnActiveUserIsPublishedAsSuchWithTheTenantsServiceTitanId() {
        Admin admin = bootstrap();
        UUID sanDiego = createTenant(admin, "San Diego");
        UUID phoenix = createTenant(admin, "Phoenix");
        String userId = createUser(admin, "uma.diaz@" + admin.domain(), List.of("contact-center-agent"), List.of(sanDiego)).path("id");
        TenantsAndRolesTest.activate(admin, userId);

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("tenantIds", List.of(sanDiego, phoenix), "version", versionOf(admin, userId)))
                .put("/api/v1/users/{id}/tenants", userId).then().statusCode(200);
        UserChanged changed = EventProbe.await(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(userId) && e.type().equals(UserChanged.TENANTS_CHANGED), Duration.ofSeconds(20))
                .dataAs(UserChanged.class);
        assertThat(changed.status()).isEqualTo("ACTIVE");
        assertThat(changed.addedTenantIds()).containsExactly(phoenix);
        assertThat(changed.removedTenantIds()).isEmpty();
        assertThat(changed.tenants()).extracting(t -> t.tenantId()).containsExactlyInAnyOrder(sanDiego, phoenix);
        assertThat(changed.tenants()).allSatisfy(t -> assertThat(t.serviceTitanTenantId()).isPositive());

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("tenantIds", List.of(UUID.randomUUID()), "version", versionOf(admin, userId)))
                .put("/api/v1/users/{id}/tenants", userId)
                .then().statusCode(400).body("errors[0].field", equalTo("tenantIds[0]"));
    }

    @Test
    void theListSearchesNameAndEmailInAnyCaseFiltersAndPagesWithoutGapsOrRepeats() {
        Admin admin = bootstrap();
        UUID tenant = createTenant(admin, "Tucson");
        List<String> created = new ArrayList<>();
        for (String name : List.of("ava.stone", "ben.stone", "cal.rivers", "dee.stonebridge", "eli.marsh", "fay.ostone")) {
            created.add(createUser(admin, name + "@" + admin.domain(), List.of("contact-center-agent"),
                    name.startsWith("c") || name.startsWith("e") ? List.of(tenant) : List.of()).path("id"));
        }
        given().auth().oauth2(admin.token()).get("/api/v1/users?search=STONE").then().statusCode(200)
                .body("items.lastName", equalTo(List.of("Ostone", "Stone", "Stone", "Stonebridge")));
        // Two letters are below pg_trgm's reach and take the name-index path; the answer is the same.
        given().auth().oauth2(admin.token()).get("/api/v1/users?search=oN").then().statusCode(200)
                .body("items.lastName", equalTo(List.of("Ostone", "Stone", "Stone", "Stonebridge")));
        var firstTwo = given().auth().oauth2(admin.token()).get("/api/v1/users?search=stone&limit=2").then()
                .body("items.lastName", equalTo(List.of("Ostone", "Stone"))).extract();
        given().auth().oauth2(admin.token()).queryParam("cursor", (String) firstTwo.path("nextCursor"))
                .get("/api/v1/users?search=stone&limit=2").then()
                .body("items.lastName", equalTo(List.of("Stone", "Stonebridge")));
        given().auth().oauth2(admin.token()).get("/api/v1/users?search=rivers@").then()
                .body("items.email", equalTo(List.of("cal.rivers@" + admin.domain())));
        given().auth().oauth2(admin.token()).get("/api/v1/users?tenant=" + tenant).then()
                .body("items.firstName", equalTo(List.of("Eli", "Cal")));
        given().auth().oauth2(admin.token()).get("/api/v1/users?role=network-admin").then()
                .body("items.email", equalTo(List.of(admin.email())));
        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", created.get(0)).then().statusCode(200);
        given().auth().oauth2(admin.token()).get("/api/v1/users?status=deactivated").then()
                .body("items.id", equalTo(List.of(created.get(0))));
        given().auth().oauth2(admin.token()).get("/api/v1/users?search=100%25").then().body("items.size()", equalTo(0));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(admin.token()).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/users").then().statusCode(200).extract();
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(paged).hasSize(7).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(4);

        given().auth().oauth2(admin.token()).get("/api/v1/users?status=sleeping").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(admin.token()).get("/api/v1/users?cursor=garbage!").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aDeactivatedUserCannotSignInAndReactivationRestoresSignInOnly() {
        Admin admin = bootstrap();
        String email = "vic.lam@" + admin.domain();
        String userId = createUser(admin, email).path("id");
        TenantsAndRolesTest.activate(admin, userId);
        signIn(email, PASSWORD).then().statusCode(200);

        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", userId).then().statusCode(200);
        EventProbe.await(Topics.DIRECTORY_USERS, e -> e.subject().equals(userId) && e.type().equals(UserDeactivated.TYPE),
                Duration.ofSeconds(20));
        signIn(email, PASSWORD).then().statusCode(401);

        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/reactivate", userId)
                .then().statusCode(200).body("status", equalTo("active")).body("deactivatedAt", nullValue());
        UserChanged reactivated = EventProbe.await(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(userId) && e.type().equals(UserChanged.REACTIVATED), Duration.ofSeconds(20))
                .dataAs(UserChanged.class);
        assertThat(reactivated.status()).isEqualTo("ACTIVE");
        signIn(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void theNetworksLastActiveAdminKeepsTheRole() {
        Admin admin = bootstrap();
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(Map.of("role", "contact-center-agent")), "version", versionOf(admin, admin.userId())))
                .put("/api/v1/users/{id}/roles", admin.userId())
                .then().statusCode(409).body("detail", containsString("last active Network Admin"));

        String second = createUser(admin, "wes.admin@" + admin.domain(), List.of("network-admin"), List.of()).path("id");
        TenantsAndRolesTest.activate(admin, second);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(Map.of("role", "contact-center-agent")), "version", versionOf(admin, admin.userId())))
                .put("/api/v1/users/{id}/roles", admin.userId())
                .then().statusCode(200);
        String secondToken = DirectoryApi.tokenOf("wes.admin@" + admin.domain(), PASSWORD);
        given().auth().oauth2(secondToken).post("/api/v1/users/{id}/deactivate", admin.userId()).then().statusCode(200);
    }
}
