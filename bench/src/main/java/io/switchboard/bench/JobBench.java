package io.switchboard.bench;

import io.switchboard.local.LocalStack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Setup jobs (seed 003) end to end on the local stack: every user gets a seat, a random direct line, E911, a personal
 * voicemail box, default recording settings and a queue — the whole saga across seat-, number- and routing-service, with
 * sync-service writing each Office Phone to the ServiceTitan sandbox meanwhile.
 *
 * <p>The users and numbers are created first through the public APIs (not timed). Then jobs of 1 user (the baseline:
 * the fixed cost of a job), 20 users (the seeds' batch) and {@code large} users are timed from the POST until the job's
 * {@code job.completed} arrives, read from the broker (polling the API would load the service being measured). Each
 * size runs {@code rounds} times on fresh users.
 */
public final class JobBench {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z-]+)\"");
    private static final Pattern USERS_COMPLETE = Pattern.compile("\"usersComplete\":(\\d+)");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
    private static final Pattern COMPLETED = Pattern.compile("\"completedAt\":\"([^\"]+)\"");

    private final LocalStack stack;
    private final StackClient client;
    private String tenantId;
    private String queueId;
    private final List<String> freeUsers = Collections.synchronizedList(new ArrayList<>());
    private final org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> completions;

    private JobBench(LocalStack stack) {
        this.stack = stack;
        this.client = new StackClient(stack);
        this.completions = new org.apache.kafka.clients.consumer.KafkaConsumer<>(java.util.Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "bench.jobs." + System.nanoTime(),
                "auto.offset.reset", "latest", "isolation.level", "read_committed",
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName()));
        completions.subscribe(List.of(io.switchboard.platform.contract.Topics.SEAT_JOBS));
        while (completions.assignment().isEmpty()) {
            completions.poll(Duration.ofMillis(100));
        }
        completions.assignment().forEach(completions::position); // fixes "latest" now, before any job is posted
    }

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, root.resolve("bench/target/stack")))
                .start(Duration.ofSeconds(180))) {
            JobBench bench = new JobBench(stack);
            bench.client.signIn();
            int total = rounds * (1 + 20) + large + 5;
            bench.prepare(total);
            bench.run(1, 2, "warm-up (not counted)");
            List<Double> one = bench.run(1, rounds, "1 user (baseline)");
            List<Double> twenty = bench.run(20, rounds, "20 users");
            java.util.Map<String, Long> before = cpuMillis(stack);
            List<Double> big = bench.run(large, 1, large + " users");
            java.util.Map<String, Long> after = cpuMillis(stack);
            System.out.printf(Locale.ROOT, "CPU s during the %d-user job: %s%n", large, String.join("  ",
                    LocalStack.SERVICES.stream().map(sv -> sv + " " + String.format(Locale.ROOT, "%.1f",
                            (after.get(sv) - before.get(sv)) / 1000.0)).toList()));
            bench.stages();
            bench.hops();
            double base = median(one);
            System.out.printf(Locale.ROOT, "%n%-22s %10s %12s %14s%n", "job", "median s", "users/s", "x 1-user job");
            System.out.printf(Locale.ROOT, "%-22s %10.2f %12.1f %14.1f%n", "1 user", base, 1 / base, 1.0);
            System.out.printf(Locale.ROOT, "%-22s %10.2f %12.1f %14.1f%n", "20 users", median(twenty), 20 / median(twenty),
                    median(twenty) / base);
            System.out.printf(Locale.ROOT, "%-22s %10.2f %12.1f %14.1f%n", large + " users", median(big),
                    large / median(big), median(big) / base);
            System.out.printf(Locale.ROOT, "targets: 20 users <= 2 s, 1000 users <= 30 s%n");
            System.out.printf(Locale.ROOT, "CPU s: %s%n", cpu(stack));
        }
    }

    private void prepare(int users) throws Exception {
        tenantId = StackClient.find(StackClient.ID, client.send("POST", "directory", "/api/v1/tenants",
                "{\"name\":\"Bench HQ\",\"serviceTitanTenantId\":1045321}", 201));
        queueId = StackClient.find(StackClient.ID, client.send("POST", "routing", "/api/v1/queues",
                "{\"name\":\"Dispatch\",\"kind\":\"department\"}", 201));
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                String body = client.send("POST", "directory", "/api/v1/users", """
                        {"firstName":"Job","lastName":"User%d","email":"job.user%d@bench.example.com",
                         "roles":["contact-center-agent"],"tenantIds":["%s"]}""".formatted(n, n, tenantId), 201);
                freeUsers.add(StackClient.find(StackClient.ID, body));
                return null;
            }));
        }
        buyNumbers(users, pool, work);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        Collections.sort(freeUsers);
        // Wait until User Management (seat-service) knows them all; jobs are checked against it.
        while (true) {
            String page = client.send("GET", "seat", "/api/v1/seats/summary", null, 200);
            long known = Pattern.compile("\"(none|basic|advanced)\":(\\d+)").matcher(page).results()
                    .mapToLong(m -> Long.parseLong(m.group(2))).sum();
            if (known >= users) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "prepared %d users and %d numbers in %.1f s%n", users, users,
                (System.nanoTime() - start) / 1e9);
    }

    private void buyNumbers(int count, ExecutorService pool, List<Future<?>> work) throws Exception {
        int bought = 0;
        for (String areaCode : List.of("619", "858", "415", "510", "212", "312", "206", "303")) {
            String cursor = null;
            while (bought < count) {
                String page = client.send("GET", "number", "/api/v1/numbers/available?areaCode=" + areaCode + "&limit=200"
                        + (cursor == null ? "" : "&cursor=" + cursor), null, 200);
                var numbers = Pattern.compile("\"(\\+1\\d{10})\"").matcher(page).results().map(m -> m.group(1)).toList();
                for (String n : numbers) {
                    if (bought++ >= count) {
                        break;
                    }
                    work.add(pool.submit(() -> client.send("POST", "number", "/api/v1/numbers",
                            "{\"number\":\"" + n + "\",\"usage\":\"direct-line\"}", 201)));
                }
                cursor = page.contains("\"nextCursor\":\"") ? StackClient.find(StackClient.CURSOR, page) : null;
                if (cursor == null) {
                    break;
                }
            }
            if (bought >= count) {
                return;
            }
        }
    }

    /** Runs {@code rounds} setup jobs of {@code size} fresh users; prints and returns each one's seconds. */
    private List<Double> run(int size, int rounds, String label) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<String> users = new ArrayList<>(freeUsers.subList(0, size));
            freeUsers.subList(0, size).clear();
            StringBuilder entries = new StringBuilder();
            for (String u : users) {
                entries.append(entries.isEmpty() ? "" : ",").append("{\"userId\":\"").append(u).append("\"}");
            }
            String job = """
                    {"type":"setup","users":[%s],"seat":{"level":"basic","billToTenantId":"%s"},
                     "directLines":{"preferredAreaCode":"619"},
                     "e911":{"street":"1 Market Street","unit":"Suite 200","city":"San Diego","state":"CA","postalCode":"92101"},
                     "voicemail":{"create":true},"recording":{"useDefaults":true},"queueIds":["%s"]}"""
                    .formatted(entries, tenantId, queueId);
            long start = System.nanoTime();
            String jobId = StackClient.find(StackClient.ID, client.send("POST", "seat", "/api/v1/jobs", job, 202));
            awaitCompleted(jobId);
            String summary = client.send("GET", "seat", "/api/v1/jobs?limit=1", null, 200);
            double wall = (System.nanoTime() - start) / 1e9;
            double server = Duration.between(Instant.parse(StackClient.find(CREATED, summary)),
                    Instant.parse(StackClient.find(COMPLETED, summary))).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "%-22s job %s: %s, %s/%d users complete, wall %.2f s (server %.2f s), %.1f users/s%n",
                    label, jobId.substring(0, 8), StackClient.find(STATUS, summary), StackClient.find(USERS_COMPLETE, summary),
                    size, wall, server, size / wall);
            seconds.add(wall);
        }
        return seconds;
    }

    /** When each stage's steps of the last job finished, in seconds after the job was created. */
    private void stages() throws Exception {
        try (var c = db("seat"); var rs = c.createStatement().executeQuery("""
                     select s.stage, count(*),
                            extract(epoch from min(s.sent_at) - j.created_at), extract(epoch from max(s.sent_at) - j.created_at),
                            extract(epoch from min(s.finished_at) - j.created_at), extract(epoch from max(s.finished_at) - j.created_at)
                       from job_step s join job j on j.id = s.job_id
                      where j.id = (select id from job order by created_at desc limit 1)
                      group by s.stage, j.created_at order by min(s.seq), 5""")) {
            System.out.printf(Locale.ROOT, "%-12s %6s %10s %10s %12s %12s%n", "stage", "steps", "first sent", "last sent",
                    "first done", "last done");
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "%-12s %6d %10.2f %10.2f %12.2f %12.2f%n", rs.getString(1), rs.getLong(2),
                        rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6));
            }
        }
    }

    /**
     * Each hop of the saga for the last job, from the services' own tables: when commands were written to the outbox and
     * published, when the receiver applied them, when it wrote and published its replies, when seat-service applied those.
     */
    private void hops() throws Exception {
        String since;
        try (var c = db("seat"); var rs = c.createStatement().executeQuery(
                "select created_at from job order by created_at desc limit 1")) {
            rs.next();
            since = rs.getTimestamp(1).toInstant().toString();
        }
        System.out.printf(Locale.ROOT, "%-58s %6s %8s %8s%n", "hop (s after the job was created)", "count", "first", "last");
        hop("seat", "outbox_event", "created_at", "event_type = 'directlines.assign-random'", since, "line commands written");
        hop("seat", "outbox_event", "published_at", "event_type = 'directlines.assign-random'", since, "line commands published");
        hop("number", "processed_event", "processed_at", "consumer = 'number-service.number-commands'", since,
                "line commands applied by number-service");
        hop("number", "outbox_event", "published_at", "event_type = 'directlines.random-assigned'", since,
                "line replies published");
        hop("seat", "processed_event", "processed_at", "consumer = 'seat-service.job-replies' and topic = 'number.lines.v1'",
                since, "line replies applied by seat-service");
        hop("seat", "outbox_event", "published_at", "event_type = 'routing.steps.requested'", since,
                "routing commands published");
        hop("routing", "processed_event", "processed_at", "consumer = 'routing-service.routing-commands'", since,
                "routing commands applied by routing-service (start)");
        hop("routing", "outbox_event", "published_at", "event_type = 'routing.steps.done'", since, "routing replies published");
        hop("seat", "processed_event", "processed_at",
                "consumer = 'seat-service.job-replies' and topic = 'routing.assignments.v1'", since,
                "routing replies applied by seat-service");
    }

    private void hop(String db, String table, String column, String where, String since, String label) throws Exception {
        try (var c = db(db); var rs = c.createStatement().executeQuery("select count(*), extract(epoch from min(" + column
                + ") - timestamptz '" + since + "'), extract(epoch from max(" + column + ") - timestamptz '" + since + "') from "
                + table + " where " + where + " and " + column + " >= timestamptz '" + since + "'")) {
            rs.next();
            System.out.printf(Locale.ROOT, "%-58s %6d %8.2f %8.2f%n", label, rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
        }
    }

    private java.sql.Connection db(String name) throws Exception {
        return java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(name), io.switchboard.infra.PostgresServer.USER,
                io.switchboard.infra.PostgresServer.PASSWORD);
    }

    private static java.util.Map<String, Long> cpuMillis(LocalStack stack) {
        java.util.Map<String, Long> cpu = new java.util.HashMap<>();
        LocalStack.SERVICES.forEach(s -> cpu.put(s, stack.cpuTime(s).toMillis()));
        return cpu;
    }

    /**
     * Waits for the job's {@code job.completed} on seat.jobs.v1, read straight from the broker: polling the API would
     * add load to the service being measured.
     */
    private void awaitCompleted(String jobId) {
        while (true) {
            for (var record : completions.poll(Duration.ofMillis(50))) {
                if (jobId.equals(record.key())) {
                    return;
                }
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String cpu(LocalStack stack) {
        StringBuilder sb = new StringBuilder();
        for (String s : LocalStack.SERVICES) {
            sb.append(s).append(' ').append(stack.cpuTime(s).toSeconds()).append("  ");
        }
        return sb.toString().trim();
    }
}
