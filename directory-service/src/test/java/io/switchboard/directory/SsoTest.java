package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.switchboard.directory.DirectoryApi.Admin;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.createUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A network's own identity provider signs its users in: ID tokens are exchanged for Switchboard tokens. */
@QuarkusTest
class SsoTest {

    @Test
    void anIdTokenFromTheRegisteredIssuerSignsInTheActiveUserWithThatEmail() throws Exception {
        Admin admin = bootstrap();
        KeyPair idp = rsa();
        String issuer = "https://login.example.com/" + admin.networkId() + "/v2.0";
        register(admin, issuer, idp).then().statusCode(200).body("issuer", equalTo(issuer)).body("inlineKeys", equalTo(true));

        String email = "wren.ito@" + admin.domain();
        String userId = createUser(admin, email).path("id");
        TenantsAndRolesTest.activate(admin, userId);

        String accessToken = exchange(idToken(idp, issuer, "Wren.Ito@" + admin.domain().toUpperCase(), 300))
                .then().statusCode(200).body("userId", equalTo(userId)).body("networkId", equalTo(admin.networkId().toString()))
                .extract().path("accessToken");
        // The exchanged token is an ordinary Switchboard token: services accept it.
        given().auth().oauth2(accessToken).get("/api/v1/permissions").then().statusCode(200);

        exchange(idToken(rsa(), issuer, email, 300)).then().statusCode(401).body("detail", containsString("signature"));
        exchange(idToken(idp, issuer, email, -120)).then().statusCode(401).body("detail", containsString("expired"));
        exchange(idToken(idp, issuer, "stranger@" + admin.domain(), 300)).then().statusCode(401)
                .body("detail", containsString("no user"));
        exchange(idToken(idp, "https://evil.example.com", email, 300)).then().statusCode(401)
                .body("detail", containsString("issuer"));
        exchange("not-a-jwt").then().statusCode(401);

        given().auth().oauth2(admin.token()).post("/api/v1/users/{id}/deactivate", userId).then().statusCode(200);
        exchange(idToken(idp, issuer, email, 300)).then().statusCode(401);
    }

    @Test
    void anIssuerBelongsToOneNetworkAndTheKeysMustBeGiven() throws Exception {
        Admin first = bootstrap();
        Admin second = bootstrap();
        String issuer = "https://login.example.com/" + UUID.randomUUID();
        register(first, issuer, rsa()).then().statusCode(200);
        register(second, issuer, rsa()).then().statusCode(409);
        given().auth().oauth2(second.token()).contentType(ContentType.JSON).body(Map.of("issuer", issuer + "/other"))
                .put("/api/v1/sso").then().statusCode(400).body("errors[0].field", equalTo("jwksUri"));
        given().auth().oauth2(second.token()).contentType(ContentType.JSON)
                .body(Map.of("issuer", issuer + "/other", "jwks", "{\"keys\": 5}"))
                .put("/api/v1/sso").then().statusCode(400).body("errors[0].field", equalTo("jwks"));
        given().auth().oauth2(second.token()).get("/api/v1/sso").then().statusCode(404);
    }

    private static io.restassured.response.Response register(Admin admin, String issuer, KeyPair keys) throws Exception {
        RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk((RSAPublicKey) keys.getPublic());
        jwk.setKeyId("idp-key");
        String jwks = "{\"keys\":[" + jwk.toJson() + "]}";
        return given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("issuer", issuer, "jwks", jwks)).put("/api/v1/sso");
    }

    private static io.restassured.response.Response exchange(String idToken) {
        return given().contentType(ContentType.JSON).body(Map.of("idToken", idToken)).post("/api/v1/auth/sso");
    }

    private static String idToken(KeyPair keys, String issuer, String email, long lifetimeSeconds) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).subject(UUID.randomUUID().toString()).audience("switchboard")
                .claim("email", email).issuedAt(now.minusSeconds(600)).expiresAt(now.plusSeconds(lifetimeSeconds))
                .jws().keyId("idp-key").sign(keys.getPrivate());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
