package io.switchboard.number;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.number.service.LineService;
import jakarta.inject.Inject;
import io.switchboard.number.NumberApi.Network;
import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.testing.EventProbe;
import io.switchboard.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.switchboard.number.NumberApi.buy;
import static io.switchboard.number.NumberApi.network;
import static io.switchboard.number.NumberApi.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk setup's "assign numbers at random" (seed 003), driven by the command seat-service's jobs send. */
@QuarkusTest
class RandomAssignmentTest {

    @Inject
    LineService lines;

    @Test
    void eachUserGetsOneNumberPreferringTheAreaCodeAndARepeatedCommandGivesNoOneASecond() {
        Network network = network();
        List<String> sanDiego = List.of(buy(network, "619"), buy(network, "619"), buy(network, "619"));
        List<String> la = List.of(buy(network, "213"), buy(network, "213"));
        buy(network, "213", "tracking");
        List<UUID> users = List.of(user(network), user(network), user(network), user(network));

        EventEnvelope command = command(network, users, "213");
        EventProbe.send(Topics.NUMBER_COMMANDS, command);
        RandomDirectLinesAssigned reply = awaitReply(command);
        assertThat(reply.unassigned()).isEmpty();
        assertThat(reply.assignments()).extracting(RandomDirectLinesAssigned.Assignment::userId).containsExactlyInAnyOrderElementsOf(users);
        List<String> given = reply.assignments().stream().map(RandomDirectLinesAssigned.Assignment::number).toList();
        assertThat(given).doesNotHaveDuplicates().containsAll(la);
        assertThat(given).filteredOn(sanDiego::contains).hasSize(2);
        for (RandomDirectLinesAssigned.Assignment a : reply.assignments()) {
            given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/numbers", a.userId()).then()
                    .body("directLine", org.hamcrest.Matchers.equalTo(a.number()));
        }

        // The same command again (a redelivery or a retried job step with a new id): nobody gets a second number.
        EventEnvelope again = command(network, users, "213");
        EventProbe.send(Topics.NUMBER_COMMANDS, again);
        RandomDirectLinesAssigned second = awaitReply(again);
        assertThat(second.assignments()).allMatch(RandomDirectLinesAssigned.Assignment::alreadyHeld);
        assertThat(second.assignments()).extracting(RandomDirectLinesAssigned.Assignment::number).containsExactlyInAnyOrderElementsOf(given);
    }

    @Test
    void whenTheInventoryRunsOutTheReplySaysForWhomAndConcurrentRequestsNeverShareANumber() throws Exception {
        Network network = network();
        List<String> stock = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stock.add(buy(network, "206"));
        }
        List<UUID> first = new ArrayList<>();
        List<UUID> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(user(network));
            second.add(user(network));
        }
        // Two requests at the same moment, each in its own transaction (as two service instances would run them).
        AssignRandomDirectLines a = new AssignRandomDirectLines(UUID.randomUUID(), network.id(), first, null);
        AssignRandomDirectLines b = new AssignRandomDirectLines(UUID.randomUUID(), network.id(), second, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<RandomDirectLinesAssigned> fa = pool.submit(() -> {
            start.await();
            return QuarkusTransaction.requiringNew().call(() -> lines.assignRandom(a));
        });
        Future<RandomDirectLinesAssigned> fb = pool.submit(() -> {
            start.await();
            return QuarkusTransaction.requiringNew().call(() -> lines.assignRandom(b));
        });
        start.countDown();
        RandomDirectLinesAssigned ra = fa.get();
        RandomDirectLinesAssigned rb = fb.get();
        pool.shutdown();

        Set<String> handedOut = new HashSet<>();
        ra.assignments().forEach(x -> assertThat(handedOut.add(x.number())).as("given twice: " + x.number()).isTrue());
        rb.assignments().forEach(x -> assertThat(handedOut.add(x.number())).as("given twice: " + x.number()).isTrue());
        assertThat(handedOut).containsExactlyInAnyOrderElementsOf(stock);
        assertThat(ra.unassigned().size() + rb.unassigned().size()).isEqualTo(2);
        assertThat(ra.unassigned()).allMatch(u -> u.reason().contains("no available direct-line number"));
        assertThat(rb.unassigned()).allMatch(u -> u.reason().contains("no available direct-line number"));

        UUID stranger = UUID.randomUUID();
        EventEnvelope unknown = command(network, List.of(stranger), null);
        EventProbe.send(Topics.NUMBER_COMMANDS, unknown);
        assertThat(awaitReply(unknown).unassigned()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("no such user"));
    }

    @Test
    void chosenAndSelectedNumbersAreGivenAndAnEditReplacesTheLineExactlyOnce() {
        Network network = network();
        List<String> selection = List.of(buy(network, "619"), buy(network, "619"));
        String chosen = buy(network, "858");
        String elsewhere = buy(network, "415");
        String tracking = buy(network, "415", "tracking");
        UUID ana = user(network);
        UUID ben = user(network);
        UUID cleo = user(network);
        UUID dev = user(network);

        // Setup: Ana chose her number; Ben and Cleo get the two selected ones, never the fourth number in stock; Dev
        // chose a tracking number, which may never be a person's.
        EventEnvelope setup = command(network, new AssignRandomDirectLines(UUID.randomUUID(), network.id(),
                List.of(ana, ben, cleo, dev), null, selection, java.util.Map.of(ana, chosen, dev, tracking), null));
        EventProbe.send(Topics.NUMBER_COMMANDS, setup);
        RandomDirectLinesAssigned reply = awaitReply(setup);
        assertThat(reply.assignments()).filteredOn(a -> a.userId().equals(ana)).singleElement()
                .satisfies(a -> {
                    assertThat(a.number()).isEqualTo(chosen);
                    assertThat(a.line().lineVersion()).isEqualTo(1);
                    assertThat(a.line().number()).isEqualTo(chosen);
                });
        assertThat(reply.assignments()).filteredOn(a -> !a.userId().equals(ana))
                .extracting(RandomDirectLinesAssigned.Assignment::number).containsExactlyInAnyOrderElementsOf(selection);
        assertThat(reply.unassigned()).singleElement().satisfies(u -> {
            assertThat(u.userId()).isEqualTo(dev);
            assertThat(u.reason()).contains("tracking");
        });

        // Edit Direct Line: Ana's line is replaced by the one still in stock; her old one goes to the reserve list.
        // Sent twice (a redelivery with a new event id): the second finds the line already replaced.
        AssignRandomDirectLines edit = new AssignRandomDirectLines(UUID.randomUUID(), network.id(), List.of(ana), null,
                null, java.util.Map.of(ana, elsewhere), java.util.Map.of(ana, chosen));
        EventEnvelope first = command(network, edit);
        EventProbe.send(Topics.NUMBER_COMMANDS, first);
        assertThat(awaitReply(first).assignments()).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo(elsewhere);
            assertThat(a.alreadyHeld()).isFalse();
            assertThat(a.line().previousNumber()).isEqualTo(chosen);
        });
        EventProbe.send(Topics.NUMBER_COMMANDS, command(network, edit));
        List<EventEnvelope> replies = EventProbe.all(Topics.NUMBER_LINES, e -> e.subject().equals(edit.requestId().toString())
                && e.type().equals(RandomDirectLinesAssigned.TYPE), Duration.ofSeconds(5));
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).dataAs(RandomDirectLinesAssigned.class).assignments()).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo(elsewhere);
            assertThat(a.alreadyHeld()).isTrue();
        });
        given().auth().oauth2(network.admin()).get("/api/v1/users/{id}/numbers", ana).then()
                .body("directLine", org.hamcrest.Matchers.equalTo(elsewhere))
                .body("secondaryNumbers", org.hamcrest.Matchers.empty());
        given().auth().oauth2(network.admin()).get("/api/v1/numbers/{n}", chosen).then()
                .body("status", org.hamcrest.Matchers.equalTo("reserved"));
    }

    private static EventEnvelope command(Network network, AssignRandomDirectLines command) {
        return TestEvents.event(network.id(), command.requestId(), AssignRandomDirectLines.TYPE, command);
    }

    private static EventEnvelope command(Network network, List<UUID> users, String areaCode) {
        UUID requestId = UUID.randomUUID();
        return TestEvents.event(network.id(), requestId, AssignRandomDirectLines.TYPE,
                new AssignRandomDirectLines(requestId, network.id(), users, areaCode));
    }

    private static RandomDirectLinesAssigned awaitReply(EventEnvelope command) {
        return EventProbe.await(Topics.NUMBER_LINES, e -> e.subject().equals(command.subject())
                && e.type().equals(RandomDirectLinesAssigned.TYPE), Duration.ofSeconds(30)).dataAs(RandomDirectLinesAssigned.class);
    }
}
