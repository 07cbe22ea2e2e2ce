package io.switchboard.bench;

import io.switchboard.infra.PostgresServer;
import io.switchboard.local.LocalStack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * directory-service on the local stack (real processes, Kafka, PostgreSQL):
 * <ol>
 *   <li>user creations per second through {@code POST /api/v1/users} (each also publishes {@code user.created},
 *       stores an invitation and mails it, and is consumed by the other four services), with 1 and with 4 clients;</li>
 *   <li>the network is then filled to {@code users} users by SQL (the API is not the subject there), and the user list
 *       is timed: first page in name order, a later page by cursor, search by name and by email fragment, filters by
 *       role and tenant, and search + filter.</li>
 * </ol>
 * Baseline for the list figures: {@code GET /api/v1/permissions} on the same service — the same HTTP, JSON and JWT
 * check with no database work — so the ratio is what the query itself costs.
 */
public final class DirectoryBench {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern NETWORK = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private String token;
    private UUID networkId;
    private final List<UUID> tenants = new ArrayList<>();

    private DirectoryBench(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int created = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path root = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath().normalize();
        try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, root.resolve("bench/target/stack")))
                .start(Duration.ofSeconds(180))) {
            DirectoryBench bench = new DirectoryBench(stack);
            bench.setUp();
            bench.commitBaseline(created / 4);
            bench.creations(created / 4, 1);
            bench.creations(created, 4);
            bench.fill(users);
            bench.queries(users);
        }
    }

    private void setUp() throws Exception {
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        String network = send("POST", "/api/v1/networks", """
                {"name":"Bench","admin":{"firstName":"B","lastName":"Admin","email":"admin@%s","password":"benchmark-password"}}"""
                .formatted(domain), 201);
        networkId = UUID.fromString(find(NETWORK, network));
        token = find(TOKEN, send("POST", "/api/v1/auth/token",
                "{\"email\":\"admin@%s\",\"password\":\"benchmark-password\"}".formatted(domain), 200));
        for (int i = 0; i < 8; i++) {
            tenants.add(UUID.fromString(find(ID, send("POST", "/api/v1/tenants",
                    "{\"name\":\"Tenant %d\",\"serviceTitanTenantId\":%d}".formatted(i, 1_000_000 + i), 201))));
        }
        send("POST", "/api/v1/roles", """
                {"name":"Dispatcher","hubPermissions":["hub.tenants.view-mine"],"serviceTitanPermissions":["st.dispatch.board"]}""", 201);
    }

    /**
     * The floor under any write: one INSERT committed over JDBC into a table on the same PostgreSQL server, one after
     * another. On this machine the commit's fsync, not the service, dominates a create.
     */
    private void commitBaseline(int count) throws Exception {
        Latencies latencies = new Latencies(count);
        try (Connection db = DriverManager.getConnection(stack.postgres().createDatabase("bench_commit"), PostgresServer.USER,
                PostgresServer.PASSWORD)) {
            db.createStatement().execute("create table if not exists t (id uuid primary key, body text)");
            try (PreparedStatement insert = db.prepareStatement("insert into t values (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "row " + i);
                    insert.executeUpdate();
                    latencies.add(System.nanoTime() - t0);
                }
            }
        }
        commitP50 = latencies.percentileMillis(50);
        System.out.printf(Locale.ROOT, "%nbaseline: INSERT + commit over JDBC, %d sequential: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                count, latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99));
    }

    private double commitP50;

    private void creations(int count, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Latencies latencies = new Latencies(count);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                Random random = new Random();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String body = """
                            {"firstName":"%s","lastName":"%s","email":"api-%s@bench.example.com","roles":["contact-center-agent"],"tenantIds":["%s"]}"""
                            .formatted(Names.first(random), Names.last(random),
                                    UUID.randomUUID(), tenants.get(random.nextInt(tenants.size())));
                    long t0 = System.nanoTime();
                    send("POST", "/api/v1/users", body, 201);
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%nPOST /api/v1/users, %d creations, %d client(s): %.0f users/s; latency p50 %.1f ms (%.1fx the commit baseline), p95 %.1f ms, p99 %.1f ms%n",
                count, clients, count / seconds, latencies.percentileMillis(50), latencies.percentileMillis(50) / commitP50,
                latencies.percentileMillis(95), latencies.percentileMillis(99));
    }

    /** Tops the network up to {@code users} users straight in the database, then refreshes the planner's statistics. */
    private void fill(int users) throws Exception {
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl("directory"), PostgresServer.USER,
                PostgresServer.PASSWORD)) {
            db.setAutoCommit(false);
            int existing;
            try (var rs = db.createStatement().executeQuery("select count(*) from app_user where network_id = '" + networkId + "'")) {
                rs.next();
                existing = rs.getInt(1);
            }
            Random random = new Random(42);
            try (PreparedStatement user = db.prepareStatement("""
                    insert into app_user (id, network_id, email, first_name, last_name, status, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, 0, now(), now())""");
                 PreparedStatement role = db.prepareStatement("insert into user_role (user_id, role) values (?, ?)");
                 PreparedStatement tenant = db.prepareStatement("insert into user_tenant (user_id, tenant_id) values (?, ?)")) {
                for (int i = existing; i < users; i++) {
                    UUID id = UUID.randomUUID();
                    String first = Names.first(random);
                    String last = Names.last(random);
                    user.setObject(1, id);
                    user.setObject(2, networkId);
                    user.setString(3, (first + "." + last + "." + i + "@fill.example.com").toLowerCase(Locale.ROOT));
                    user.setString(4, first);
                    user.setString(5, last);
                    int status = random.nextInt(20);
                    user.setString(6, status == 0 ? "DEACTIVATED" : status < 4 ? "INVITED" : "ACTIVE");
                    user.addBatch();
                    role.setObject(1, id);
                    role.setString(2, random.nextInt(50) == 0 ? "dispatcher" : "contact-center-agent");
                    role.addBatch();
                    tenant.setObject(1, id);
                    tenant.setObject(2, tenants.get(random.nextInt(tenants.size())));
                    tenant.addBatch();
                    if (i % 5_000 == 0) {
                        user.executeBatch();
                        role.executeBatch();
                        tenant.executeBatch();
                    }
                }
                user.executeBatch();
                role.executeBatch();
                tenant.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("analyze app_user");
                s.execute("analyze user_role");
                s.execute("analyze user_tenant");
            }
        }
        System.out.printf(Locale.ROOT, "%nfilled the network to %d users by SQL in %.1f s%n", users, (System.nanoTime() - start) / 1e9);
    }

    private void queries(int users) throws Exception {
        int warmup = 100;
        int runs = 1_000;
        String firstPage = "/api/v1/users?limit=50";
        String cursor = find(CURSOR, send("GET", firstPage, null, 200));
        for (int i = 0; i < 20; i++) {
            cursor = find(CURSOR, send("GET", "/api/v1/users?limit=50&cursor=" + cursor, null, 200));
        }
        String deepPage = "/api/v1/users?limit=50&cursor=" + cursor;
        List<String[]> cases = List.of(
                new String[]{"baseline: GET /api/v1/permissions", "/api/v1/permissions"},
                new String[]{"list, first page (50, name order)", firstPage},
                new String[]{"list, page 22 by cursor", deepPage},
                new String[]{"search last name fragment 'rodrig'", "/api/v1/users?limit=50&search=rodrig"},
                new String[]{"search common fragment 'an'", "/api/v1/users?limit=50&search=an"},
                new String[]{"search email 'maria.lopez.9'", "/api/v1/users?limit=50&search=" + enc("maria.lopez.9")},
                new String[]{"search, no match 'zzqx'", "/api/v1/users?limit=50&search=zzqx"},
                new String[]{"filter role=dispatcher (2%)", "/api/v1/users?limit=50&role=dispatcher"},
                new String[]{"filter tenant (1 of 8)", "/api/v1/users?limit=50&tenant=" + tenants.get(3)},
                new String[]{"filter status=deactivated (5%)", "/api/v1/users?limit=50&status=deactivated"},
                new String[]{"search 'garcia' + tenant", "/api/v1/users?limit=50&search=garcia&tenant=" + tenants.get(5)});
        Latencies[] results = new Latencies[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            results[c] = new Latencies(runs);
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                send("GET", cases.get(c)[1], null, 200);
                if (i >= warmup) {
                    results[c].add(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nGET /api/v1/users over %d users in one network, %d sequential requests each, ms (ratio = p95 / baseline p95)%n",
                users, runs);
        System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s %8s%n", "query", "p50", "p95", "p99", "ratio");
        for (int c = 0; c < cases.size(); c++) {
            System.out.printf(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f %7.1fx%n", cases.get(c)[0], results[c].percentileMillis(50),
                    results[c].percentileMillis(95), results[c].percentileMillis(99),
                    results[c].percentileMillis(95) / results[0].percentileMillis(95));
        }
    }

    private String send(String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url("directory") + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected response: " + body.substring(0, Math.min(300, body.length())));
        }
        return m.group(1);
    }
}
