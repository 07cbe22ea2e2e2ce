package io.switchboard.e2e;

import io.restassured.path.json.JsonPath;
import io.switchboard.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Setup and bulk-edit jobs (seed 003) across the five real services, a real broker and a real database. */
class JobsIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = Admin.startStack("jobs-stack");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void setupOfTwentyUsersCompletesWithEveryRowCompleteInUserManagement() {
        Admin admin = Admin.newNetwork(stack, "Twenty Heating");
        List<String> users = admin.users("Twenty", 20);
        List<String> selected = admin.buyNumbers("619", 20);
        String dispatch = admin.queue("Dispatch", "department");

        String jobId = admin.submit(Map.of("type", "setup", "users", Admin.entries(users),
                "seat", Map.of("level", "basic", "billToTenantId", admin.tenantId),
                "directLines", Map.of("numbers", selected),
                "e911", Admin.sanDiegoAddress(),
                "voicemail", Map.of("create", true),
                "recording", Map.of("useDefaults", true),
                "queueIds", List.of(dispatch)));

        JsonPath job = admin.awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInt("progress.percent")).isEqualTo(100);
        assertThat(job.getInt("progress.usersComplete")).isEqualTo(20);
        assertThat(job.getInt("progress.steps")).isEqualTo(20 * 7);
        assertThat(job.getList("users.status")).containsOnly("complete");

        // Every row complete: Basic seat, one of the selected numbers (each once), E911 verified, in Dispatch, and no
        // set-up alert (this tenant has no ServiceTitan employees, so the sync alert stays: it is not the job's).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin.at("seat").queryParam("search", "twenty")
                .queryParam("limit", "50").get("/api/v1/user-management").then().statusCode(200)
                .body("items", hasSize(20))
                .body("items.seatLevel", everyItemIs("basic"))
                .body("items.e911", everyItemIs("verified"))
                .body("items.queues", everyItemIs(List.of("Dispatch")))
                .body("items.alerts", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.everyItem(
                        equalTo("servicetitan-employee-not-found")))));
        List<String> lines = admin.at("seat").queryParam("search", "twenty").queryParam("limit", "50")
                .get("/api/v1/user-management").then().extract().path("items.directLine");
        assertThat(lines).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(selected).containsAll(lines);
        for (String user : users.subList(0, 3)) {
            admin.at("routing").get("/api/v1/users/{id}/voicemail", user).then().statusCode(200).body("enabled", equalTo(true));
        }
        admin.at("seat").get("/api/v1/jobs").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(jobId));
    }

    @Test
    void runningOutOfNumbersFailsExactlyThoseUsersAndRetryFinishesThemOnceNumbersAreBought() {
        Admin admin = Admin.newNetwork(stack, "Short On Numbers");
        List<String> users = admin.users("Short", 3);
        admin.buyNumbers("858", 2);

        String jobId = admin.submit(Map.of("type", "setup", "users", Admin.entries(users),
                "seat", Map.of("level", "basic", "billToTenantId", admin.tenantId),
                "directLines", Map.of("preferredAreaCode", "858"),
                "e911", Admin.sanDiegoAddress(),
                "voicemail", Map.of("create", true)));
        JsonPath job = admin.awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(job.getString("status")).isEqualTo("completed-with-failures");
        assertThat(job.getInt("progress.usersComplete")).isEqualTo(2);
        List<Map<String, Object>> failed = job.getList("users.findAll { it.status == 'failed' }");
        assertThat(failed).hasSize(1);
        // Seat reserved, no line (with the reason), E911 and activation held back, voicemail went on.
        Map<String, Object> unluckyUser = failed.get(0);
        assertThat(List.of("seat", "direct-line", "e911", "activate", "voicemail").stream()
                .map(stage -> String.valueOf(Admin.step(unluckyUser, stage).get("status"))))
                .containsExactly("succeeded", "failed", "skipped", "skipped", "succeeded");
        assertThat((String) Admin.step(unluckyUser, "direct-line").get("reason")).contains("no available direct-line number left");
        String unlucky = (String) unluckyUser.get("userId");
        admin.at("seat").get("/api/v1/users/{id}/seat", unlucky).then().body("level", equalTo("none"));


        // Buy one more number and retry: only the failed step and the steps it held back run again.
        admin.buyNumbers("858", 1);
        admin.at("seat").post("/api/v1/jobs/{id}/retry", jobId).then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/jobs/" + jobId));
        JsonPath retried = admin.awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(retried.getString("status")).isEqualTo("completed");
        assertThat(retried.getInt("round")).isEqualTo(2);
        assertThat(retried.getInt("progress.usersComplete")).isEqualTo(3);
        Map<String, Object> fixed = retried.getMap("users.find { it.userId == '" + unlucky + "' }");
        assertThat(Admin.step(fixed, "direct-line").get("attempts")).isEqualTo(2);
        assertThat(Admin.step(fixed, "voicemail").get("attempts")).isEqualTo(1);
        admin.at("seat").get("/api/v1/users/{id}/seat", unlucky).then().body("level", equalTo("basic"));
        // A completed job has nothing left to retry.
        admin.at("seat").post("/api/v1/jobs/{id}/retry", jobId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void jobCompletesWithoutDuplicatesWhenNumberRoutingAndSeatServiceAreKilledMidJob() {
        Admin admin = Admin.newNetwork(stack, "Killed Midway");
        List<String> users = admin.users("Killed", 40);
        admin.buyNumbers("415", 40);
        String dispatch = admin.queue("Dispatch", "department");
        String jobId = admin.submit(Map.of("type", "setup", "users", Admin.entries(users),
                "seat", Map.of("level", "basic", "billToTenantId", admin.tenantId),
                "directLines", Map.of("preferredAreaCode", "415"), "e911", Admin.sanDiegoAddress(),
                "voicemail", Map.of("create", true), "queueIds", List.of(dispatch)));

        for (String service : List.of("number", "routing", "seat")) {
            stack.kill(service);
            stack.restart(service, Duration.ofSeconds(120));
        }

        JsonPath job = admin.awaitJob(jobId, Duration.ofSeconds(120));
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInt("progress.usersComplete")).isEqualTo(40);
        // One direct line per user, none shared, no secondary number handed out twice, and exactly 40 numbers taken.
        Set<String> lines = new HashSet<>();
        for (String user : users) {
            JsonPath numbers = admin.at("number").get("/api/v1/users/{id}/numbers", user).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(numbers.getList("secondaryNumbers")).isEmpty();
            assertThat(lines.add(numbers.getString("directLine"))).isTrue();
        }
        admin.at("number").queryParam("status", "assigned").queryParam("limit", "200").get("/api/v1/numbers")
                .then().statusCode(200).body("items", hasSize(40));
        admin.at("routing").get("/api/v1/queues/{id}", dispatch).then().statusCode(200);
        for (String user : users) {
            admin.at("routing").get("/api/v1/users/{id}/queues", user).then().statusCode(200).body("name",
                    org.hamcrest.Matchers.contains("Dispatch"));
        }
    }

    @Test
    void jobCompletesWhenTheBrokerRestartsMidJob() {
        Admin admin = Admin.newNetwork(stack, "Broker Bounce");
        List<String> users = admin.users("Bounce", 10);
        admin.buyNumbers("510", 10);
        String jobId = admin.submit(Map.of("type", "setup", "users", Admin.entries(users),
                "seat", Map.of("level", "advanced", "billToTenantId", admin.tenantId),
                "directLines", Map.of("preferredAreaCode", "510"), "e911", Admin.sanDiegoAddress(),
                "recording", Map.of("inbound", "always", "outbound", "never")));
        stack.restartKafka(Duration.ofSeconds(2), Duration.ofSeconds(60));
        JsonPath job = admin.awaitJob(jobId, Duration.ofSeconds(180));
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInt("progress.usersComplete")).isEqualTo(10);
        admin.at("routing").get("/api/v1/users/{id}/recording-settings", users.get(9)).then().statusCode(200)
                .body("inbound", equalTo("ALWAYS")).body("outbound", equalTo("NEVER"));
    }

    @Test
    void eachEditActionChangesTheSelectedUsers() {
        Admin admin = Admin.newNetwork(stack, "Edit Everything");
        List<String> users = admin.users("Edit", 3);
        admin.buyNumbers("619", 3);
        String dispatch = admin.queue("Dispatch", "department");
        String sales = admin.queue("Sales", "call-center");
        String setup = admin.submit(Map.of("type", "setup", "users", Admin.entries(users),
                "seat", Map.of("level", "basic", "billToTenantId", admin.tenantId),
                "directLines", Map.of("preferredAreaCode", "619"), "e911", Admin.sanDiegoAddress(),
                "voicemail", Map.of("create", true), "queueIds", List.of(dispatch)));
        assertThat(admin.awaitJob(setup, Duration.ofSeconds(60)).getString("status")).isEqualTo("completed");
        Map<String, String> oldLines = new HashMap<>();
        users.forEach(u -> oldLines.put(u, admin.at("number").get("/api/v1/users/{id}/numbers", u).then().extract()
                .path("directLine")));

        // Edit Seat Level: Advanced (so they may join a call center).
        edit(admin, "seat-level", users, Map.of("seat", Map.of("level", "advanced")));
        users.forEach(u -> admin.at("seat").get("/api/v1/users/{id}/seat", u).then().body("level", equalTo("advanced")));

        // Edit Direct Line: one chosen, the others from the selection; old lines go to the reserve list, never removed.
        List<String> fresh = admin.buyNumbers("858", 3);
        edit(admin, "direct-line", List.of(users.get(0), users.get(1), users.get(2)), Map.of(
                "users", List.of(Map.of("userId", users.get(0), "directLine", fresh.get(2)), Map.of("userId", users.get(1)),
                        Map.of("userId", users.get(2))),
                "directLines", Map.of("numbers", fresh.subList(0, 2))));
        admin.at("number").get("/api/v1/users/{id}/numbers", users.get(0)).then().body("directLine", equalTo(fresh.get(2)));
        for (String u : users.subList(1, 3)) {
            String line = admin.at("number").get("/api/v1/users/{id}/numbers", u).then().extract().path("directLine");
            assertThat(fresh.subList(0, 2)).contains(line);
        }
        for (String old : oldLines.values()) {
            admin.at("number").get("/api/v1/numbers/{n}", old).then().body("status", equalTo("reserved"));
        }

        // Edit E911: the new address, normalized.
        edit(admin, "e911", users, Map.of("e911", Map.of("street", "500 West Broadway", "city", "San Diego", "state", "CA",
                "postalCode", "92101")));
        users.forEach(u -> admin.at("seat").get("/api/v1/users/{id}/e911", u).then().body("street",
                equalTo("500 W BROADWAY")));

        // Delete, then create personal voicemail.
        edit(admin, "delete-voicemail", users, Map.of());
        users.forEach(u -> admin.at("routing").get("/api/v1/users/{id}/voicemail", u).then().body("enabled", equalTo(false)));
        edit(admin, "create-voicemail", users.subList(0, 1), Map.of("voicemail", Map.of("emailNotifications", false)));
        admin.at("routing").get("/api/v1/users/{id}/voicemail", users.get(0)).then().body("enabled", equalTo(true))
                .body("emailNotifications", equalTo(false));

        // Edit Recording Settings: custom.
        edit(admin, "recording", users, Map.of("recording", Map.of("inbound", "never", "outbound", "always")));
        users.forEach(u -> admin.at("routing").get("/api/v1/users/{id}/recording-settings", u).then()
                .body("inbound", equalTo("NEVER")).body("outbound", equalTo("ALWAYS")));

        // Assign to Queue (a call center: they are Advanced now), then Remove from Queue.
        edit(admin, "assign-queues", users, Map.of("queueIds", List.of(sales)));
        edit(admin, "remove-queues", users, Map.of("queueIds", List.of(dispatch)));
        users.forEach(u -> admin.at("routing").get("/api/v1/users/{id}/queues", u).then()
                .body("name", org.hamcrest.Matchers.contains("Sales")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin.at("seat").queryParam("search", "edit")
                .get("/api/v1/user-management").then().body("items.queues", everyItemIs(List.of("Sales"))));
    }

    @Test
    void badRowsAreAllListedAndNothingStarts() {
        Admin admin = Admin.newNetwork(stack, "Bad Rows");
        List<String> users = admin.users("Bad", 2);
        var problem = admin.at("seat").body(Map.of("type", "setup",
                        "users", List.of(Map.of("userId", users.get(0)), Map.of("userId", users.get(0)),
                                Map.of("userId", java.util.UUID.randomUUID().toString())),
                        "seat", Map.of("level", "basic", "billToTenantId", admin.tenantId),
                        "e911", Admin.sanDiegoAddress()))
                .post("/api/v1/jobs").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field")).containsExactly("users[1].userId", "users[2].userId");
        admin.at("seat").get("/api/v1/jobs").then().statusCode(200).body("items", hasSize(0));
    }

    /** Runs an edit job for the users (or the request's own "users") and expects every step to succeed. */
    private static void edit(Admin admin, String action, List<String> users, Map<String, Object> parts) {
        Map<String, Object> job = new HashMap<>(parts);
        job.put("type", "edit");
        job.put("action", action);
        job.putIfAbsent("users", Admin.entries(users));
        String jobId = admin.submit(job);
        JsonPath done = admin.awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(done.getString("status")).as(action + ": " + done.prettify()).isEqualTo("completed");
        assertThat(done.getInt("progress.steps")).isEqualTo(users.size());
    }

    private static <T> org.hamcrest.Matcher<Iterable<? extends T>> everyItemIs(T value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
