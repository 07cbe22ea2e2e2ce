package io.switchboard.bench;

import io.switchboard.infra.PostgresServer;
import io.switchboard.local.LocalStack;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RoleAssignment;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * seat-service's User Management projection at scale, on the local stack (real processes, Kafka, PostgreSQL):
 * <ol>
 *   <li>{@code users} users reach the projection <em>through events</em>, as the other services publish them:
 *       {@code user.created} on directory.users.v1, a direct line for 60 % ({@code directline.assigned} on
 *       number.lines.v1) and a queue membership for 10 % ({@code queue.member.added} on routing.queues.v1). The time
 *       until seat-service's tables hold them all gives the ingestion rate;</li>
 *   <li>seat levels (seat-service's own data) are then set by SQL for 40 % of them, and the table is timed: first page,
 *       a later page by cursor, searches (name, email, number), filters (seat, role, queue), sorts, combinations.</li>
 * </ol>
 * Baseline: {@code GET /q/health/live} on the same service (HTTP and JSON, no query), so the ratio shows what the query adds.
 */
public final class SeatBench {


    private final LocalStack stack;
    private final StackClient client;
    private final List<UUID> queues = new ArrayList<>();

    private SeatBench(LocalStack stack) {
        this.stack = stack;
        this.client = new StackClient(stack);
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, root.resolve("bench/target/stack")))
                .start(Duration.ofSeconds(180))) {
            SeatBench bench = new SeatBench(stack);
            bench.client.signIn();
            bench.load(users);
            if (args.length > 2 && args[2].equals("--ingest-only")) {
                return;
            }
            bench.seats();
            bench.queries(users);
        }
    }

    private void load(int users) throws Exception {
        UUID networkId = client.networkId();
        for (int q = 0; q < 5; q++) {
            queues.add(UUID.randomUUID());
        }
        Random random = new Random(42);
        int lines = 0;
        int memberships = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < users; i++) {
                UUID id = UUID.randomUUID();
                String first = Names.first(random);
                String last = Names.last(random);
                String role = random.nextInt(50) == 0 ? "dispatcher" : "contact-center-agent";
                send(producer, Topics.DIRECTORY_USERS, networkId, id, UserCreated.TYPE, new UserCreated(id, networkId,
                        (first + "." + last + "." + i + "@fill.example.com").toLowerCase(Locale.ROOT), first, last, null,
                        random.nextInt(5) == 0 ? "INVITED" : "ACTIVE", List.of(role), List.of(), 0, Instant.now(),
                        List.of(new RoleAssignment(role, List.of())), List.of()));
                if (random.nextInt(10) < 6) {
                    lines++;
                    send(producer, Topics.NUMBER_LINES, networkId, id, DirectLineChanged.ASSIGNED, new DirectLineChanged(id,
                            networkId, String.format(Locale.ROOT, "+1619%07d", i), null, List.of(), 1, Instant.now()));
                }
                if (random.nextInt(10) == 0) {
                    memberships++;
                    UUID queue = queues.get(random.nextInt(queues.size()));
                    send(producer, Topics.ROUTING_QUEUES, networkId, id, QueueMemberChanged.ADDED, new QueueMemberChanged(id,
                            networkId, queue, "Queue " + queues.indexOf(queue), "CALL_CENTER", null, Instant.now()));
                }
            }
            producer.flush();
        }
        double sent = (System.nanoTime() - start) / 1e9;
        try (Connection db = seatDb()) {
            while (count(db, "select count(*) from user_row where network_id = '" + networkId + "' and email <> ''") < users
                    || count(db, "select count(*) from user_row where network_id = '" + networkId + "' and direct_line is not null") < lines
                    || count(db, "select count(*) from user_queue where network_id = '" + networkId + "'") < memberships) {
                Thread.sleep(200);
            }
            double applied = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%n%d events (%d users, %d lines, %d queue memberships) produced in %.1f s; "
                            + "all in the projection after %.1f s: %.0f events/s%n", users + lines + memberships, users, lines,
                    memberships, sent, applied, (users + lines + memberships) / applied);
            StringBuilder cpu = new StringBuilder();
            for (String service : LocalStack.SERVICES) {
                cpu.append(String.format(Locale.ROOT, " %s %.0f s", service, stack.cpuTime(service).toMillis() / 1000.0));
            }
            System.out.println("CPU used by each service so far:" + cpu);
        }
    }

    /** Seats are seat-service's own data: set for 30 % Basic and 10 % Advanced straight in its table. */
    private void seats() throws Exception {
        try (Connection db = seatDb(); Statement s = db.createStatement()) {
            s.execute("update user_row set seat_level = case when abs(hashtext(user_id::text)) % 10 < 3 then 'BASIC' "
                    + "when abs(hashtext(user_id::text)) % 10 = 3 then 'ADVANCED' else 'NONE' end where network_id = '"
                    + client.networkId() + "'");
            s.execute("vacuum analyze user_row");
            s.execute("analyze user_queue");
        }
    }

    private void queries(int users) throws Exception {
        int warmup = 100;
        int runs = 1_000;
        String base = "/api/v1/user-management?limit=50";
        String cursor = StackClient.find(StackClient.CURSOR, client.send("GET", "seat", base, null, 200));
        for (int i = 0; i < 20; i++) {
            cursor = StackClient.find(StackClient.CURSOR, client.send("GET", "seat", base + "&cursor=" + cursor, null, 200));
        }
        List<String[]> cases = List.of(
                new String[]{"baseline: GET /q/health/live", "/q/health/live"},
                new String[]{"first page (50, name order)", base},
                new String[]{"page 22 by cursor", base + "&cursor=" + cursor},
                new String[]{"sort -email, first page", base + "&sort=-email"},
                new String[]{"search 'rodrig'", base + "&search=rodrig"},
                new String[]{"search 'an'", base + "&search=an"},
                new String[]{"search email 'maria.lopez.9'", base + "&search=" + enc("maria.lopez.9")},
                new String[]{"search number '(619) 004-12'", base + "&search=" + enc("(619) 004-12")},
                new String[]{"search, no match 'zzqx'", base + "&search=zzqx"},
                new String[]{"filter seat=advanced (10%)", base + "&seat=advanced"},
                new String[]{"filter role=dispatcher (2%)", base + "&role=dispatcher"},
                new String[]{"filter queue (2%)", base + "&queue=" + queues.get(2)},
                new String[]{"search 'garcia' + seat=basic", base + "&search=garcia&seat=basic"},
                new String[]{"role=dispatcher + seat=basic", base + "&role=dispatcher&seat=basic"});
        // Every query warms up first, so the first case measured does not pay for the JIT and cold caches of all.
        for (int i = 0; i < warmup; i++) {
            for (String[] c : cases) {
                client.send("GET", "seat", c[1], null, 200);
            }
        }
        Latencies[] results = new Latencies[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            results[c] = new Latencies(runs);
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                client.send("GET", "seat", cases.get(c)[1], null, 200);
                results[c].add(System.nanoTime() - t0);
            }
        }
        System.out.printf(Locale.ROOT, "%nGET /api/v1/user-management over %d users in one network, %d sequential requests each, "
                + "ms (ratio = p95 / baseline p95)%n", users, runs);
        System.out.printf(Locale.ROOT, "%-36s %8s %8s %8s %8s%n", "query", "p50", "p95", "p99", "ratio");
        for (int c = 0; c < cases.size(); c++) {
            System.out.printf(Locale.ROOT, "%-36s %8.1f %8.1f %8.1f %7.1fx%n", cases.get(c)[0], results[c].percentileMillis(50),
                    results[c].percentileMillis(95), results[c].percentileMillis(99),
                    results[c].percentileMillis(95) / results[0].percentileMillis(95));
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, UUID networkId, UUID userId, String type,
                             Object body) {
        producer.send(CloudEventCodec.toRecord(topic, new EventEnvelope(UUID.randomUUID(), type, "switchboard/bench",
                userId.toString(), Instant.now(), networkId, "bench", EventJson.write(body))));
    }

    private Connection seatDb() throws Exception {
        return DriverManager.getConnection(stack.postgres().jdbcUrl("seat"), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
