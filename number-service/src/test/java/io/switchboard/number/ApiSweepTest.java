package io.switchboard.number;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.number.NumberApi.Network;
import io.switchboard.testing.Sweep;
import io.switchboard.testing.Sweep.Endpoint;
import io.switchboard.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.switchboard.number.NumberApi.buy;
import static io.switchboard.number.NumberApi.network;
import static io.switchboard.number.NumberApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint: no token → 401, a token without the permission → 403, another network's user or number → 404; bad
 * input → a 4xx problem, never a 5xx; and after each sweep the fixture is exactly as it was.
 */
@QuarkusTest
class ApiSweepTest {

    Network owner;
    UUID userId;
    String line;
    String secondary;
    String spare;

    @BeforeEach
    void fixture() {
        owner = network();
        userId = user(owner);
        line = buy(owner, "415");
        secondary = buy(owner, "415");
        spare = buy(owner, "415");
        given().auth().oauth2(owner.admin()).contentType(ContentType.JSON).body(Map.of("number", line))
                .put("/api/v1/users/{id}/direct-line", userId).then().statusCode(200);
        given().auth().oauth2(owner.admin()).contentType(ContentType.JSON).body(Map.of("number", secondary))
                .post("/api/v1/users/{id}/numbers", userId).then().statusCode(200);
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/numbers/available?areaCode=415", null),
                new Endpoint("POST", "/api/v1/numbers", Map.of("number", "+14155550142", "usage", "direct-line")),
                new Endpoint("GET", "/api/v1/numbers", null),
                new Endpoint("GET", "/api/v1/numbers/reserve", null),
                new Endpoint("GET", "/api/v1/numbers/{spare}", null),
                new Endpoint("DELETE", "/api/v1/numbers/{spare}", null),
                new Endpoint("GET", "/api/v1/users/{user}/numbers", null),
                new Endpoint("PUT", "/api/v1/users/{user}/direct-line", Map.of("number", "{spare}")),
                new Endpoint("POST", "/api/v1/users/{user}/numbers", Map.of("number", "{spare}")),
                new Endpoint("DELETE", "/api/v1/users/{user}/numbers/{secondary}", null),
                new Endpoint("POST", "/api/v1/users/{user}/numbers/{secondary}/make-primary", null));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        assertThat(Sweep.answering(null, endpoints(), this::fill, 401)).isEmpty();
        assertUnchanged();
    }

    @Test
    void aTokenWithoutThePermissionIs403() {
        String agent = TestTokens.token(owner.id(), UUID.randomUUID(),
                io.switchboard.platform.security.Permission.MAKE_OUTBOUND_CALLS,
                io.switchboard.platform.security.Permission.VIEW_MY_TENANTS);
        assertThat(Sweep.answering(agent, endpoints(), this::fill, 403)).isEmpty();
        assertUnchanged();
    }

    @Test
    void anotherNetworksUsersAndNumbersAre404() {
        String stranger = network().admin();
        assertThat(Sweep.notHidden(stranger, endpoints(), this::fill)).isEmpty();
        assertUnchanged();
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        String user = "/api/v1/users/" + userId;
        List<String[]> cases = List.of(
                new String[]{"POST", "/api/v1/numbers", "{\"number\": "},
                new String[]{"POST", "/api/v1/numbers", "{}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"12\",\"usage\":\"direct-line\"}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+44 20 7946 0958\",\"usage\":\"direct-line\"}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+14155550143\",\"usage\":5}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+14155550143\",\"usage\":\"direct-line\",\"forwarding\":{\"useDefault\":false}}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+14155550143\",\"usage\":\"direct-line\",\"forwarding\":{\"useDefault\":false,\"number\":\"+14155550143\"}}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+14155550143\",\"usage\":\"direct-line\",\"smsAllowed\":\"maybe\"}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+14155550143\",\"usage\":\"direct-line\",\"campaign\":\"" + "x".repeat(101) + "\"}"},
                new String[]{"POST", "/api/v1/numbers", "{\"number\":\"+14155550143\",\"usage\":\"direct-line\",\"forwarding\":\"yes\"}"},
                new String[]{"PUT", user + "/direct-line", "{}"},
                new String[]{"PUT", user + "/direct-line", "{\"number\":\"not a number\"}"},
                new String[]{"PUT", user + "/direct-line", "[\"" + spare + "\"]"},
                new String[]{"POST", user + "/numbers", "{\"number\":\"\"}"},
                new String[]{"DELETE", user + "/numbers/abc", null},
                new String[]{"POST", user + "/numbers/abc/make-primary", null},
                new String[]{"DELETE", "/api/v1/numbers/abc", null},
                new String[]{"GET", "/api/v1/numbers?status=lost", null},
                new String[]{"GET", "/api/v1/numbers?usage=billboard", null},
                new String[]{"GET", "/api/v1/numbers?areaCode=4", null},
                new String[]{"GET", "/api/v1/numbers?search=abc", null},
                new String[]{"GET", "/api/v1/numbers?limit=0", null},
                new String[]{"GET", "/api/v1/numbers/available?areaCode=415&tollFree=perhaps", null},
                new String[]{"GET", "/api/v1/numbers/available?areaCode=415&limit=9999", null},
                new String[]{"GET", "/api/v1/numbers/available?areaCode=415&cursor=OjpfOjo", null},
                new String[]{"GET", "/api/v1/numbers/available?areaCode=415&contains=12345678", null},
                new String[]{"GET", "/api/v1/users/not-a-uuid/numbers", null});
        assertThat(Sweep.notRejected(owner.admin(), cases)).isEmpty();
        assertUnchanged();
    }


    private String fill(String s) {
        return s.replace("{user}", userId.toString()).replace("{spare}", spare).replace("{secondary}", secondary);
    }

    private void assertUnchanged() {
        given().auth().oauth2(owner.admin()).get("/api/v1/users/{id}/numbers", userId).then().statusCode(200)
                .body("directLine", equalTo(line)).body("secondaryNumbers", equalTo(List.of(secondary)))
                .body("lineVersion", equalTo(2));
        given().auth().oauth2(owner.admin()).get("/api/v1/numbers/{n}", spare).then().statusCode(200)
                .body("status", equalTo("available"));
        given().auth().oauth2(owner.admin()).get("/api/v1/numbers").then().body("items.size()", equalTo(3));
    }
}
