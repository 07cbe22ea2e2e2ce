package io.switchboard.seat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.JobCompleted;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.RoutingSteps;
import io.switchboard.platform.contract.RoutingStepsDone;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.EventJson;
import io.switchboard.seat.repository.JobRepository;
import io.switchboard.seat.service.JobRequest;
import io.switchboard.seat.service.JobService;
import io.switchboard.seat.service.UserProjectionService;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import io.switchboard.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The job engine against its contracts: the test answers the commands as number- and routing-service would (their
 * real handling is in the e2e JobsIT), so it can deliver replies twice, late or for an earlier attempt.
 */
@QuarkusTest
class JobsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    JobService jobService;

    @Inject
    UserProjectionService projection;

    @Inject
    JobRepository jobRepository;

    final UUID networkId = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final String admin = TestTokens.admin(networkId);

    @Test
    void aFailedSeatStepStopsThatUserOnlyAndRedeliveredRepliesChangeNothing() {
        UUID ana = user("Ana");
        UUID ben = user("Ben");
        // Ben is deactivated after the job was accepted and before its seat step ran (both in one transaction here, so
        // the order is certain): his seat step fails and his later steps never run; Ana's go on.
        UUID jobId = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = jobService.submit(networkId, "user:" + Fixtures.ADMIN, setup(List.of(ana, ben), true)).id();
            projection.apply(new UserDeactivated(ben, networkId, "ben@example.com", 5, Instant.now()));
            return id;
        });

        EventEnvelope command = EventProbe.await(Topics.NUMBER_COMMANDS, e -> networkId.equals(e.networkId()), WAIT);
        AssignRandomDirectLines lines = command.dataAs(AssignRandomDirectLines.class);
        assertThat(lines.userIds()).containsExactly(ana);
        EventEnvelope reply = numberReply(lines.requestId(), List.of(assigned(ana, "+16195550101")), List.of());
        EventProbe.send(Topics.NUMBER_LINES, reply);
        answerRouting(jobId, 1);

        JobCompleted done = awaitCompleted(jobId, 1);
        assertThat(done.usersSucceeded()).isEqualTo(1);
        assertThat(done.usersFailed()).isEqualTo(1);
        assertThat(done.failedUsers()).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo(ben);
            assertThat(f.stage()).isEqualTo("seat");
            assertThat(f.reason()).contains("deactivated");
        });
        JsonPath job = job(jobId);
        assertThat(job.getString("status")).isEqualTo("completed-with-failures");
        assertThat(job.getList("users.find { it.userId == '" + ben + "' }.steps.status"))
                .containsExactly("failed", "skipped", "skipped", "skipped", "skipped");
        assertThat(job.getString("users.find { it.userId == '" + ben + "' }.steps[1].reason"))
                .isEqualTo("not run: the seat step did not succeed");
        assertThat(job.getList("users.find { it.userId == '" + ana + "' }.steps.status")).containsOnly("succeeded");
        given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", ana).then().statusCode(200)
                .body("level", equalTo("basic")).body("directLine", equalTo("+16195550101")).body("e911", equalTo(true));

        // The same reply again (redelivered), and a copy with a new event id: nothing runs twice, no second notification.
        EventProbe.send(Topics.NUMBER_LINES, reply);
        EventProbe.send(Topics.NUMBER_LINES, numberReply(lines.requestId(), List.of(assigned(ana, "+16195550199")), List.of()));
        assertThat(EventProbe.all(Topics.SEAT_JOBS, e -> e.subject().equals(jobId.toString()), Duration.ofSeconds(3)))
                .hasSize(1);
        assertThat(job(jobId).getInt("users.find { it.userId == '" + ana + "' }.steps[1].attempts")).isEqualTo(1);
        given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", ana).then().body("directLine", equalTo("+16195550101"));
    }

    @Test
    void retryRunsOnlyTheFailedStepsAndIgnoresRepliesToTheEarlierAttempt() {
        UUID cleo = user("Cleo");
        UUID jobId = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(EventJson.write(setup(List.of(cleo), false))).post("/api/v1/jobs")
                .then().statusCode(202).extract().path("id"));
        AssignRandomDirectLines first = EventProbe.await(Topics.NUMBER_COMMANDS, e -> networkId.equals(e.networkId()), WAIT)
                .dataAs(AssignRandomDirectLines.class);
        EventProbe.send(Topics.NUMBER_LINES, numberReply(first.requestId(), List.of(),
                List.of(new RandomDirectLinesAssigned.Unassigned(cleo, "the network has no available direct-line number left"))));
        awaitCompleted(jobId, 1);
        assertThat(job(jobId).getList("users[0].steps.status")).containsExactly("succeeded", "failed", "skipped", "skipped");

        given().auth().oauth2(admin).post("/api/v1/jobs/{id}/retry", jobId).then().statusCode(202)
                .body("status", equalTo("running")).body("round", equalTo(2));
        AssignRandomDirectLines second = EventProbe.await(Topics.NUMBER_COMMANDS, e -> networkId.equals(e.networkId())
                && !e.dataAs(AssignRandomDirectLines.class).requestId().equals(first.requestId()), WAIT)
                .dataAs(AssignRandomDirectLines.class);
        // A late answer to the first attempt is not this attempt's answer.
        EventProbe.send(Topics.NUMBER_LINES, numberReply(first.requestId(), List.of(assigned(cleo, "+16195550177")), List.of()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(job(jobId).getString("users[0].steps[1].status")).isEqualTo("running"));
        EventProbe.send(Topics.NUMBER_LINES, numberReply(second.requestId(), List.of(assigned(cleo, "+16195550102")), List.of()));

        JobCompleted done = awaitCompleted(jobId, 2);
        assertThat(done.usersSucceeded()).isEqualTo(1);
        JsonPath job = job(jobId);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getList("users[0].steps.attempts")).containsExactly(1, 2, 1, 1);
        given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", cleo).then().body("level", equalTo("basic"))
                .body("directLine", equalTo("+16195550102"));
        given().auth().oauth2(admin).post("/api/v1/jobs/{id}/retry", jobId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aJobLeftBehindByACrashIsPickedUpByTheSweeper() {
        UUID dana = user("Dana");
        // As if the process died right after the job committed, before it was started: stored, never announced.
        UUID jobId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> jobRepository.insert(
                new JobRepository.JobRow(jobId, networkId, "setup", null, "running", 1, 1, "user:" + Fixtures.ADMIN,
                        EventJson.write(setup(List.of(dana), false)), Instant.now(), Instant.now(), null),
                List.of(new JobRepository.StepRow(jobId, dana, 0, "seat", 0, "pending",
                                EventJson.write(Map.of("mode", "reserve", "level", "basic", "billTo", tenant)), null, null,
                                null, 0, null, null),
                        new JobRepository.StepRow(jobId, dana, 0, "direct-line", 1, "pending", "{}", null, null, null, 0,
                                null, null))));
        AssignRandomDirectLines command = EventProbe.await(Topics.NUMBER_COMMANDS, e -> networkId.equals(e.networkId()),
                WAIT).dataAs(AssignRandomDirectLines.class);
        assertThat(command.userIds()).containsExactly(dana);
        EventProbe.send(Topics.NUMBER_LINES, numberReply(command.requestId(), List.of(assigned(dana, "+16195550103")),
                List.of()));
        assertThat(awaitCompleted(jobId, 1).usersSucceeded()).isEqualTo(1);
    }

    @Test
    void everyBadRowIsListedAndNothingIsStored() {
        UUID ok = user("Eve");
        UUID seated = user("Finn");
        QuarkusTransaction.requiringNew().run(() -> {
            var row = io.switchboard.seat.domain.UserRow.<io.switchboard.seat.domain.UserRow>findById(seated);
            row.seatLevel = "BASIC";
        });
        UUID stranger = UUID.randomUUID();
        Map<String, Object> body = Map.of("type", "setup",
                "users", List.of(Map.of("userId", ok.toString(), "directLine", "+1 (619) 555-0123"),
                        Map.of("userId", ok.toString()),
                        Map.of("userId", stranger.toString()),
                        Map.of("userId", seated.toString(), "directLine", "619.555.0123"),
                        Map.of("userId", user("Gus").toString(), "billToTenantId", UUID.randomUUID().toString(),
                                "directLine", "12345")),
                "seat", Map.of("level", "basic", "billToTenantId", tenant.toString()),
                "e911", Map.of("street", "1 Market St", "city", "San Diego", "state", "ZZ", "postalCode", "92101"),
                "recording", Map.of("inbound", "sometimes"),
                "queueIds", java.util.Collections.nCopies(11, UUID.randomUUID().toString()));
        JsonPath problem = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/jobs")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field")).containsExactly("users[1].userId", "users[2].userId");
        // Once the rows name real, distinct users, the rest is checked: every problem at once.
        Map<String, Object> second = new java.util.HashMap<>(body);
        second.put("users", List.of(((List<?>) body.get("users")).get(0), ((List<?>) body.get("users")).get(3),
                ((List<?>) body.get("users")).get(4)));
        problem = given().auth().oauth2(admin).contentType(ContentType.JSON).body(second).post("/api/v1/jobs")
                .then().statusCode(400).extract().jsonPath();
        assertThat(problem.getList("errors.field")).contains("users[1].directLine", "users[2].directLine",
                "recording.inbound", "queueIds", "users[1].userId", "users[2].billToTenantId", "e911.state");
        given().auth().oauth2(admin).get("/api/v1/jobs").then().statusCode(200).body("items.size()", equalTo(0));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private UUID user(String first) {
        UUID id = UUID.randomUUID();
        Fixtures.user(networkId, id, first, "Jobs", List.of("contact-center-agent"), tenant);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).get("/api/v1/users/{id}/seat", id)
                .then().statusCode(200));
        return id;
    }

    private JobRequest setup(List<UUID> users, boolean voicemail) {
        return new JobRequest("setup", null, users.stream().map(u -> new JobRequest.UserEntry(u, null, null, null)).toList(),
                new JobRequest.SeatChoice("basic", tenant), null,
                new JobRequest.AddressChoice("1 Market Street", null, "San Diego", "CA", null, "92101", null),
                voicemail ? new JobRequest.VoicemailChoice(true, true) : null, null, null);
    }

    private RandomDirectLinesAssigned.Assignment assigned(UUID userId, String number) {
        return new RandomDirectLinesAssigned.Assignment(userId, number, false,
                new DirectLineChanged(userId, networkId, number, null, List.of(), 1, Instant.now()));
    }

    private EventEnvelope numberReply(UUID requestId, List<RandomDirectLinesAssigned.Assignment> assigned,
                                      List<RandomDirectLinesAssigned.Unassigned> unassigned) {
        return TestEvents.from("number-service", "job:" + requestId, networkId, requestId, RandomDirectLinesAssigned.TYPE,
                new RandomDirectLinesAssigned(requestId, networkId, assigned, unassigned, Instant.now()));
    }

    /** Answers the job's routing commands (items in total) with success, as routing-service would. */
    private void answerRouting(UUID jobId, int items) {
        int answered = 0;
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        while (answered < items) {
            RoutingSteps command = EventProbe.await(Topics.ROUTING_COMMANDS, e -> jobId.toString().equals(
                    e.dataAs(RoutingSteps.class).jobId().toString()) && !seen.contains(e.dataAs(RoutingSteps.class).requestId()),
                    WAIT).dataAs(RoutingSteps.class);
            seen.add(command.requestId());
            EventProbe.send(Topics.ROUTING_ASSIGNMENTS, TestEvents.from("routing-service", "job:" + jobId, networkId,
                    command.requestId(), RoutingStepsDone.TYPE, new RoutingStepsDone(command.requestId(), jobId, networkId,
                            command.items().stream().map(i -> new RoutingStepsDone.Result(i.userId(), i.stage(), true, null,
                                    "done")).toList(), Instant.now())));
            answered += command.items().size();
        }
    }

    private JobCompleted awaitCompleted(UUID jobId, int round) {
        return EventProbe.await(Topics.SEAT_JOBS, e -> e.subject().equals(jobId.toString())
                && e.dataAs(JobCompleted.class).round() == round, WAIT).dataAs(JobCompleted.class);
    }

    private JsonPath job(UUID jobId) {
        return given().auth().oauth2(admin).get("/api/v1/jobs/{id}", jobId).then().statusCode(200).extract().jsonPath();
    }
}
