package io.switchboard.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.local.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A fresh network and its admin on the local stack, and the REST calls the job tests repeat. */
final class Admin {

    final LocalStack stack;
    final String domain;
    final String token;
    final String tenantId;

    private Admin(LocalStack stack, String domain, String token, String tenantId) {
        this.stack = stack;
        this.domain = domain;
        this.token = token;
        this.tenantId = tenantId;
    }

    static Admin newNetwork(LocalStack stack, String name) {
        String domain = "jobs-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "admin", Map.of("firstName", "Ada", "lastName", "Admin",
                        "email", "admin@" + domain, "password", "correct horse battery")))
                .post("/api/v1/networks").then().statusCode(201);
        String token = given().baseUri(stack.url("directory")).contentType(ContentType.JSON)
                .body(Map.of("email", "admin@" + domain, "password", "correct horse battery"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        String tenantId = given().baseUri(stack.url("directory")).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name + " HQ", "serviceTitanTenantId", 9_000_000 + (int) (Math.random() * 999_999)))
                .post("/api/v1/tenants").then().statusCode(201).extract().path("id");
        return new Admin(stack, domain, token, tenantId);
    }

    RequestSpecification at(String service) {
        return given().baseUri(stack.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates the users on the tenant and waits until User Management (seat-service) shows them all. */
    List<String> users(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(at("directory").body(Map.of("firstName", prefix, "lastName", "User" + i,
                            "email", prefix.toLowerCase() + i + "@" + domain, "roles", List.of("contact-center-agent"),
                            "tenantIds", List.of(tenantId)))
                    .post("/api/v1/users").then().statusCode(201).extract().<String>path("id"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> at("seat").queryParam("search", prefix.toLowerCase())
                .queryParam("limit", "200").get("/api/v1/user-management").then().statusCode(200)
                .body("items.size()", equalTo(count)));
        return ids;
    }

    /** Buys direct-line numbers in the area code from the sandbox carrier. */
    List<String> buyNumbers(String areaCode, int count) {
        List<String> bought = new ArrayList<>();
        String cursor = null;
        while (bought.size() < count) {
            var request = at("number").queryParam("areaCode", areaCode).queryParam("limit", "200");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/numbers/available").then().statusCode(200).extract();
            List<String> numbers = page.path("numbers");
            for (String n : numbers) {
                if (bought.size() == count) {
                    break;
                }
                if (at("number").body(Map.of("number", n, "usage", "direct-line")).post("/api/v1/numbers")
                        .statusCode() == 201) {
                    bought.add(n);
                }
            }
            cursor = page.path("nextCursor");
            if (cursor == null && bought.size() < count) {
                throw new IllegalStateException("the sandbox carrier has too few numbers in " + areaCode);
            }
        }
        return bought;
    }

    String queue(String name, String kind) {
        return at("routing").body(Map.of("name", name, "kind", kind)).post("/api/v1/queues").then().statusCode(201)
                .extract().path("id");
    }

    /** Submits the job (202 with its Location) and returns its id. */
    String submit(Map<String, Object> job) {
        var response = at("seat").body(job).post("/api/v1/jobs").then().statusCode(202).extract();
        String location = response.header("Location");
        String id = response.path("id");
        if (!location.endsWith("/api/v1/jobs/" + id)) {
            throw new AssertionError("Location " + location + " does not name job " + id);
        }
        return id;
    }

    /** Waits for the job to finish its round and returns its final view. */
    io.restassured.path.json.JsonPath awaitJob(String jobId, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> !"running".equals(
                at("seat").get("/api/v1/jobs/{id}", jobId).then().statusCode(200).extract().path("status")));
        return at("seat").get("/api/v1/jobs/{id}", jobId).then().statusCode(200).extract().jsonPath();
    }

    /** A stack of its own under {@code target/<dir>} (free ports), started from empty data. */
    static LocalStack startStack(String dir) {
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("switchboard.repo.root", "..")).toAbsolutePath()
                .normalize();
        return new LocalStack(LocalStack.Options.isolated(root, java.nio.file.Path.of("target", dir).toAbsolutePath()))
                .start(Duration.ofSeconds(180));
    }

    /** A user's step of a job view ({@code users[i]}), as a map: stage, status, detail, reason, attempts. */
    static Map<?, ?> step(Map<String, Object> user, String stage) {
        for (Object s : (List<?>) user.get("steps")) {
            if (stage.equals(((Map<?, ?>) s).get("stage"))) {
                return (Map<?, ?>) s;
            }
        }
        throw new AssertionError("no " + stage + " step in " + user);
    }

    static Map<String, Object> sanDiegoAddress() {
        return Map.of("street", "1 Market Street", "unit", "Suite 200", "city", "San Diego", "state", "CA",
                "postalCode", "92101");
    }

    static List<Map<String, Object>> entries(List<String> userIds) {
        return userIds.stream().<Map<String, Object>>map(id -> Map.of("userId", id)).toList();
    }
}
