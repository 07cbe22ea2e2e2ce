package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.switchboard.directory.DirectoryApi.Admin;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.testing.EventProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** SCIM 2.0 provisioning as Microsoft Entra drives it (its request bodies, quirks included). */
@QuarkusTest
class ScimTest {

    @Test
    void entraCreatesFindsRenamesAndDeactivatesAUserWithTheFullTeardownEvent() {
        Admin admin = bootstrap();
        String secret = secret(admin);
        String email = "xena.park@" + admin.domain();

        // What Entra sends on first sync: a filter for the user, then a create.
        scim(secret).get("/scim/v2/Users?filter=userName eq \"" + email + "\"").then().statusCode(200)
                .contentType("application/scim+json").body("totalResults", equalTo(0));
        String id = scim(secret).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"8f4b-entra-object-id",
                 "userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "name":{"formatted":"Xena Park","familyName":"Park","givenName":"Xena"},
                 "displayName":"Xena Park","phoneNumbers":[{"type":"work","value":"+1 619 555 0142"}]}
                """.formatted(email, email))
                .post("/scim/v2/Users").then().statusCode(201).contentType("application/scim+json")
                .body("userName", equalTo(email)).body("active", equalTo(true)).body("externalId", equalTo("8f4b-entra-object-id"))
                .extract().path("id");
        UserCreated created = EventProbe.await(Topics.DIRECTORY_USERS,
                e -> e.subject().equals(id) && e.type().equals(UserCreated.TYPE), Duration.ofSeconds(20)).dataAs(UserCreated.class);
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.roles()).containsExactly("contact-center-agent");

        scim(secret).get("/scim/v2/Users?filter=userName eq \"" + email.toUpperCase() + "\"").then()
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        scim(secret).get("/scim/v2/Users?filter=externalId eq \"8f4b-entra-object-id\"").then().body("totalResults", equalTo(1));
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", id).then().body("status", equalTo("active"));

        scim(secret).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"name.familyName","value":"Park-Lee"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("name.familyName", equalTo("Park-Lee"));
        EventProbe.await(Topics.DIRECTORY_USERS, e -> e.subject().equals(id) && e.type().equals(UserChanged.UPDATED),
                Duration.ofSeconds(20));

        // Entra disables a user with a string boolean and a capitalised op.
        scim(secret).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));
        EventProbe.await(Topics.DIRECTORY_USERS, e -> e.subject().equals(id) && e.type().equals(UserDeactivated.TYPE),
                Duration.ofSeconds(20));
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", id).then().body("status", equalTo("deactivated"));

        // Re-enabling restores sign-in through the identity provider.
        scim(secret).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":"True"}}]}""")
                .patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(true));

        scim(secret).delete("/scim/v2/Users/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin.token()).get("/api/v1/users/{id}", id).then().body("status", equalTo("deactivated"));
        assertThat(EventProbe.all(Topics.DIRECTORY_USERS, e -> e.subject().equals(id) && e.type().equals(UserDeactivated.TYPE),
                Duration.ofSeconds(3))).hasSize(2);
    }

    @Test
    void aDuplicateUserNameIsASCIMUniquenessErrorAndBadRequestsAreSCIMErrors() {
        Admin admin = bootstrap();
        String secret = secret(admin);
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Yan","familyName":"Ruiz"},"active":true}""".formatted("yan.ruiz@" + admin.domain());
        scim(secret).body(body).post("/scim/v2/Users").then().statusCode(201);
        scim(secret).body(body.replace("yan.ruiz", "YAN.RUIZ")).post("/scim/v2/Users").then().statusCode(409)
                .contentType("application/scim+json")
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("409")).body("scimType", equalTo("uniqueness"));

        scim(secret).body("{\"userName\":\"not-an-email\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}")
                .post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidValue"));
        scim(secret).body("{\"userName\": ").post("/scim/v2/Users").then().statusCode(400).body("status", equalTo("400"));
        scim(secret).get("/scim/v2/Users?filter=title co \"x\"").then().statusCode(400).body("scimType", equalTo("invalidFilter"));
        scim(secret).body("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"maybe\"}]}")
                .patch("/scim/v2/Users/{id}", admin.userId()).then().statusCode(400).body("scimType", equalTo("invalidValue"));
        scim(secret).body("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Boss\"}]}")
                .patch("/scim/v2/Users/{id}", admin.userId()).then().statusCode(200);
        scim(secret).body("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"manager\",\"value\":\"x\"}]}")
                .patch("/scim/v2/Users/{id}", admin.userId()).then().statusCode(400).body("scimType", equalTo("invalidPath"));
        scim(secret).body("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]}")
                .patch("/scim/v2/Users/{id}", java.util.UUID.randomUUID()).then().statusCode(404);
        scim(secret).get("/scim/v2/Users/not-a-uuid").then().statusCode(404).body("status", equalTo("404"));
    }

    @Test
    void onlyTheNetworksCurrentSecretWorksAndItSeesOnlyItsNetwork() {
        Admin admin = bootstrap();
        Admin other = bootstrap();
        String old = secret(admin);
        String current = secret(admin);
        scim(old).get("/scim/v2/Users").then().statusCode(401).contentType("application/scim+json");
        given().get("/scim/v2/Users").then().statusCode(401);
        scim(current).get("/scim/v2/Users").then().statusCode(200).body("totalResults", equalTo(1))
                .body("Resources[0].userName", equalTo(admin.email()));
        scim(secret(other)).get("/scim/v2/Users/{id}", admin.userId()).then().statusCode(404);

        scim(current).get("/scim/v2/ServiceProviderConfig").then().statusCode(200).body("patch.supported", equalTo(true))
                .body("filter.supported", equalTo(true));
        scim(current).get("/scim/v2/ResourceTypes").then().statusCode(200).body("Resources[0].endpoint", equalTo("/Users"));
        scim(current).get("/scim/v2/Schemas").then().statusCode(200)
                .body("Resources[0].attributes.name", hasItem("userName"));
        String agentToken = io.switchboard.testing.TestTokens.token(admin.networkId(), admin.userId(),
                io.switchboard.platform.security.Permission.EDIT_USER_MANAGEMENT);
        given().auth().oauth2(agentToken).post("/api/v1/scim/secret").then().statusCode(403)
                .body("detail", containsString("Manage Sign-In"));
    }

    private static String secret(Admin admin) {
        return given().auth().oauth2(admin.token()).post("/api/v1/scim/secret").then().statusCode(200)
                .extract().path("secret");
    }

    private static RequestSpecification scim(String secret) {
        return given().header("Authorization", "Bearer " + secret).contentType("application/scim+json");
    }
}
