package io.switchboard.bench;

import io.switchboard.infra.PostgresServer;
import io.switchboard.local.LocalStack;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Propagation latency on the local stack (five real service processes, real Kafka and PostgreSQL), beside a baseline
 * measured in the same run on the same broker and database server: a bare produce → consume → INSERT.
 *
 * <ul>
 *   <li>create: POST /api/v1/users at directory-service → the row is served by seat-service's GET /api/v1/users/{id};</li>
 *   <li>deactivate: POST …/deactivate → seat-service reports teardown complete (number- and routing-service both
 *       released and reported).</li>
 * </ul>
 * Every path is observed the same way as the baseline: by polling the database the consumer writes to (here
 * seat-service's projection tables) every millisecond, so observing costs the services nothing.
 */
public final class PropagationBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStack stack;
    private String token;

    private PropagationBench(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = Math.max(50, users / 10);
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, root.resolve("bench/target/stack")))
                .start(Duration.ofSeconds(180))) {
            PropagationBench bench = new PropagationBench(stack);
            bench.signIn();
            Latencies baseline = bench.baseline(warmup, users);
            Latencies[] system = bench.system(warmup, users);
            print(users, baseline, system[0], system[1]);
        }
    }

    private void signIn() throws Exception {
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        post(stack.url("directory") + "/api/v1/networks", """
                {"name":"Bench","admin":{"firstName":"B","lastName":"Admin","email":"admin@%s","password":"benchmark-password"}}"""
                .formatted(domain), 201);
        String body = post(stack.url("directory") + "/api/v1/auth/token",
                "{\"email\":\"admin@%s\",\"password\":\"benchmark-password\"}".formatted(domain), 200);
        token = find(TOKEN, body);
    }

    /** The bare hop on the same broker and the same PostgreSQL server as the stack. */
    private Latencies baseline(int warmup, int users) throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(stack.postgres().createDatabase("bench_baseline"));
        database.setUser(PostgresServer.USER);
        database.setPassword(PostgresServer.PASSWORD);
        return BareHop.measure(stack.kafkaBootstrapServers(), database, warmup, users);
    }

    private Latencies[] system(int warmup, int users) throws Exception {
        Latencies created = new Latencies(users);
        Latencies tornDown = new Latencies(users);
        long createAnswered = 0;
        long deactivateAnswered = 0;
        try (Connection seat = DriverManager.getConnection(stack.postgres().jdbcUrl("seat"), PostgresServer.USER,
                PostgresServer.PASSWORD);
             PreparedStatement row = seat.prepareStatement("select 1 from user_row where user_id = ?");
             PreparedStatement complete = seat.prepareStatement("""
                     select 1 from user_row u where u.user_id = ? and u.status = 'DEACTIVATED'
                       and (select count(*) from teardown_report t where t.user_id = u.user_id) = 2""")) {
            for (int i = 0; i < warmup + users; i++) {
                String email = "user" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@bench.example.com";
                long start = System.nanoTime();
                String body = post(stack.url("directory") + "/api/v1/users", """
                        {"firstName":"User","lastName":"N%d","email":"%s","roles":["contact-center-agent"]}"""
                        .formatted(i, email), 201);
                long answered = System.nanoTime();
                UUID id = UUID.fromString(find(ID, body));
                BareHop.awaitRow(row, id);
                long visible = System.nanoTime();

                long deactivateStart = System.nanoTime();
                post(stack.url("directory") + "/api/v1/users/" + id + "/deactivate", "", 200);
                long deactivateAnsweredAt = System.nanoTime();
                BareHop.awaitRow(complete, id);
                long done = System.nanoTime();
                if (i >= warmup) {
                    created.add(visible - start);
                    tornDown.add(done - deactivateStart);
                    createAnswered += answered - start;
                    deactivateAnswered += deactivateAnsweredAt - deactivateStart;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nmean time until directory-service answered: create %.1f ms, deactivate %.1f ms%n",
                createAnswered / 1e6 / users, deactivateAnswered / 1e6 / users);
        return new Latencies[]{created, tornDown};
    }

    private static void print(int users, Latencies baseline, Latencies created, Latencies tornDown) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Propagation latency, %d users each, sequential, ms (ratio = path / baseline)%n", users);
        System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s%n", "path", "p50", "p95", "p99");
        row("baseline: produce -> consume -> INSERT", baseline, null);
        row("create -> User Management row", created, baseline);
        row("deactivate -> teardown complete (3 services)", tornDown, baseline);
    }

    private static void row(String name, Latencies l, Latencies baseline) {
        System.out.printf(Locale.ROOT, "%-44s %8.1f %8.1f %8.1f%n", name, l.percentileMillis(50), l.percentileMillis(95),
                l.percentileMillis(99));
        if (baseline != null) {
            System.out.printf(Locale.ROOT, "%-44s %7.1fx %7.1fx %7.1fx%n", "  ratio",
                    l.percentileMillis(50) / baseline.percentileMillis(50),
                    l.percentileMillis(95) / baseline.percentileMillis(95),
                    l.percentileMillis(99) / baseline.percentileMillis(99));
        }
    }

    private String post(String url, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected response: " + body);
        }
        return m.group(1);
    }

}
