package io.switchboard.e2e;

import io.restassured.path.json.JsonPath;
import io.switchboard.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Setup and bulk-edit jobs (seed 003) across the five real services, a real broker and a real database. */
class JobsIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        Path root = Path.of(System.getProperty("switchboard.repo.root", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(LocalStack.Options.isolated(root, Path.of("target", "jobs-stack").toAbsolutePath()))
                .start(Duration.ofSeconds(180));
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
        Map<String, String> steps = stepStatuses(failed.get(0));
        // Seat reserved, no line (with the reason), E911 and activation held back, voicemail went on.
        assertThat(steps).containsEntry("seat", "succeeded").containsEntry("direct-line", "failed")
                .containsEntry("e911", "skipped").containsEntry("activate", "skipped").containsEntry("voicemail", "succeeded");
        assertThat(reasonOf(failed.get(0), "direct-line")).contains("no available direct-line number left");
        String unlucky = (String) failed.get(0).get("userId");
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
        assertThat(attemptsOf(fixed, "direct-line")).isEqualTo(2);
        assertThat(attemptsOf(fixed, "voicemail")).isEqualTo(1);
        admin.at("seat").get("/api/v1/users/{id}/seat", unlucky).then().body("level", equalTo("basic"));
        // A completed job has nothing left to retry.
        admin.at("seat").post("/api/v1/jobs/{id}/retry", jobId).then().statusCode(409)
                .contentType("application/problem+json");
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

    private static Map<String, String> stepStatuses(Map<String, Object> user) {
        Map<String, String> statuses = new HashMap<>();
        for (Object s : (List<?>) user.get("steps")) {
            Map<?, ?> step = (Map<?, ?>) s;
            statuses.put((String) step.get("stage"), (String) step.get("status"));
        }
        return statuses;
    }

    private static String reasonOf(Map<String, Object> user, String stage) {
        for (Object s : (List<?>) user.get("steps")) {
            Map<?, ?> step = (Map<?, ?>) s;
            if (stage.equals(step.get("stage"))) {
                return (String) step.get("reason");
            }
        }
        return null;
    }

    private static int attemptsOf(Map<String, Object> user, String stage) {
        for (Object s : (List<?>) user.get("steps")) {
            Map<?, ?> step = (Map<?, ?>) s;
            if (stage.equals(step.get("stage"))) {
                return ((Number) step.get("attempts")).intValue();
            }
        }
        return -1;
    }

    private static <T> org.hamcrest.Matcher<Iterable<? extends T>> everyItemIs(T value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
