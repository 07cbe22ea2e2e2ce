package io.switchboard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of ServiceTitan that sync-service uses, with ServiceTitan's shapes: the OAuth2 client-credentials token
 * endpoint ({@code POST /connect/token}), and per tenant {@code GET/POST /settings/v2/tenant/{tenant}/employees} (list
 * filtered by {@code email}, paged) and {@code GET/PATCH …/employees/{id}}. Every API call needs a token it issued and
 * an {@code ST-App-Key} header. It can add latency and answer a share of calls with 429 (with {@code Retry-After}) or
 * 503, and it records every PATCH and every call's time per tenant so tests can check what arrived and how fast.
 */
public final class ServiceTitanSandbox implements AutoCloseable {

    /** A PATCH that reached the sandbox: which employee, the Office Phone it set, when. */
    public record Patch(long tenant, long employeeId, String phoneNumber, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMPLOYEES = Pattern.compile("^/settings/v2/tenant/(\\d+)/employees/?$");
    private static final Pattern EMPLOYEE = Pattern.compile("^/settings/v2/tenant/(\\d+)/employees/(\\d+)$");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final Map<Long, Map<Long, ObjectNode>> employees = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<Long, ConcurrentLinkedQueue<Long>> callTimes = new ConcurrentHashMap<>();
    private final List<Patch> patches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(10_000);
    private final AtomicLong tokenRequests = new AtomicLong();
    private final Random random = new Random();
    private volatile Duration latency = Duration.ZERO;
    private volatile double tooManyRequestsRate;
    private volatile double serverErrorRate;
    private volatile int retryAfterSeconds = 1;
    private volatile Duration tokenLifetime = Duration.ofMinutes(15);

    private ServiceTitanSandbox(int port) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: +40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("localhost", port), 256);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ServiceTitanSandbox start(int port) {
        try {
            return new ServiceTitanSandbox(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the ServiceTitan sandbox on port " + port, e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Adds an employee to a tenant; returns their id. */
    public long addEmployee(long tenant, String name, String email) {
        long id = ids.incrementAndGet();
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id);
        e.put("userId", id + 500_000);
        e.put("name", name);
        e.put("role", "CSR");
        e.put("email", email);
        e.putNull("phoneNumber");
        e.putNull("mobilePhoneNumber");
        e.put("active", true);
        e.put("createdOn", Instant.now().toString());
        e.put("modifiedOn", Instant.now().toString());
        employees.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(id, e);
        return id;
    }

    /** The employee's Office Phone as ServiceTitan holds it. */
    public String officePhone(long tenant, long employeeId) {
        ObjectNode e = employees.getOrDefault(tenant, Map.of()).get(employeeId);
        return e == null || e.get("phoneNumber").isNull() ? null : e.get("phoneNumber").asText();
    }

    /** Someone edits the employee in ServiceTitan directly (what reconciliation must notice). */
    public void changeOfficePhoneBehindOurBack(long tenant, long employeeId, String phone) {
        employees.get(tenant).get(employeeId).put("phoneNumber", phone);
    }

    public List<Patch> patches() {
        synchronized (patches) {
            return List.copyOf(patches);
        }
    }

    public long tokenRequests() {
        return tokenRequests.get();
    }

    public ServiceTitanSandbox latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Answer this share of API calls with 429 (Retry-After: seconds) and that share with 503. */
    public ServiceTitanSandbox faults(double tooManyRequests, double serverErrors, int retryAfterSeconds) {
        this.tooManyRequestsRate = tooManyRequests;
        this.serverErrorRate = serverErrors;
        this.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    public ServiceTitanSandbox tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** The most API calls the tenant received within any one-second window. */
    public int maxCallsInAnySecond(long tenant) {
        List<Long> times = new ArrayList<>(callTimes.getOrDefault(tenant, new ConcurrentLinkedQueue<>()));
        Collections.sort(times);
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1_000_000_000L) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/connect/token") && method.equals("POST")) {
                token(exchange);
                return;
            }
            if (path.startsWith("/sandbox/")) {
                control(exchange, path, method);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String appKey = exchange.getRequestHeaders().getFirst("ST-App-Key");
            Instant expiry = auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
            if (expiry == null || Instant.now().isAfter(expiry)) {
                respond(exchange, 401, error("Unauthorized", "missing, unknown or expired access token"));
                return;
            }
            if (appKey == null || appKey.isBlank()) {
                respond(exchange, 401, error("Unauthorized", "the ST-App-Key header is required"));
                return;
            }
            Matcher list = EMPLOYEES.matcher(path);
            Matcher one = EMPLOYEE.matcher(path);
            long tenant = list.matches() ? Long.parseLong(list.group(1)) : one.matches() ? Long.parseLong(one.group(1)) : -1;
            if (tenant < 0) {
                respond(exchange, 404, error("Not Found", "no such endpoint in the sandbox"));
                return;
            }
            callTimes.computeIfAbsent(tenant, t -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            double roll = random.nextDouble();
            if (roll < tooManyRequestsRate) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                respond(exchange, 429, error("Too Many Requests", "rate limit exceeded"));
                return;
            }
            if (roll < tooManyRequestsRate + serverErrorRate) {
                respond(exchange, 503, error("Service Unavailable", "injected failure"));
                return;
            }
            Map<Long, ObjectNode> staff = employees.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
            if (list.matches() && method.equals("GET")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String email = query.get("email");
                int page = Integer.parseInt(query.getOrDefault("page", "1"));
                int pageSize = Math.min(5000, Integer.parseInt(query.getOrDefault("pageSize", "50")));
                List<ObjectNode> matching = staff.values().stream()
                        .filter(e -> email == null || e.get("email").asText().equalsIgnoreCase(email))
                        .sorted((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong())).toList();
                int from = Math.min(matching.size(), (page - 1) * pageSize);
                int to = Math.min(matching.size(), from + pageSize);
                ObjectNode body = JSON.createObjectNode();
                body.put("page", page);
                body.put("pageSize", pageSize);
                body.put("hasMore", to < matching.size());
                body.put("totalCount", matching.size());
                body.putArray("data").addAll(matching.subList(from, to));
                respond(exchange, 200, body);
            } else if (list.matches() && method.equals("POST")) {
                JsonNode in = JSON.readTree(exchange.getRequestBody());
                long id = addEmployee(tenant, in.path("name").asText(), in.path("email").asText());
                respond(exchange, 200, staff.get(id));
            } else if (one.matches() && (method.equals("GET") || method.equals("PATCH"))) {
                ObjectNode e = staff.get(Long.parseLong(one.group(2)));
                if (e == null) {
                    respond(exchange, 404, error("Not Found", "no employee " + one.group(2) + " in tenant " + tenant));
                    return;
                }
                if (method.equals("PATCH")) {
                    JsonNode in = JSON.readTree(exchange.getRequestBody());
                    synchronized (e) {
                        in.fields().forEachRemaining(f -> e.set(f.getKey(), f.getValue()));
                        e.put("modifiedOn", Instant.now().toString());
                    }
                    if (in.has("phoneNumber")) {
                        patches.add(new Patch(tenant, e.get("id").asLong(),
                                in.get("phoneNumber").isNull() ? null : in.get("phoneNumber").asText(), Instant.now()));
                    }
                }
                respond(exchange, 200, e);
            } else {
                respond(exchange, 405, error("Method Not Allowed", method + " " + path));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            respond(exchange, 400, error("Bad Request", String.valueOf(e.getMessage())));
        }
    }

    /**
     * Controls for a sandbox run as a process (the local stack, manual tests): {@code POST /sandbox/latency?ms=50},
     * {@code POST /sandbox/faults?tooManyRequests=0.3&serverErrors=0.2&retryAfter=1},
     * {@code POST /sandbox/employees?tenant=&name=&email=}, {@code GET /sandbox/patches}.
     */
    private void control(HttpExchange exchange, String path, String method) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        switch (method + " " + path) {
            case "POST /sandbox/latency" -> latency(Duration.ofMillis(Long.parseLong(q.getOrDefault("ms", "0"))));
            case "POST /sandbox/faults" -> faults(Double.parseDouble(q.getOrDefault("tooManyRequests", "0")),
                    Double.parseDouble(q.getOrDefault("serverErrors", "0")), Integer.parseInt(q.getOrDefault("retryAfter", "1")));
            case "POST /sandbox/employees" -> {
                long id = addEmployee(Long.parseLong(q.get("tenant")), q.getOrDefault("name", ""), q.get("email"));
                respond(exchange, 200, JSON.createObjectNode().put("id", id));
                return;
            }
            case "GET /sandbox/patches" -> {
                respond(exchange, 200, JSON.valueToTree(patches()));
                return;
            }
            default -> {
                respond(exchange, 404, error("Not Found", "sandbox controls: /sandbox/latency, /faults, /employees, /patches"));
                return;
            }
        }
        respond(exchange, 200, JSON.createObjectNode().put("ok", true));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form;
        try (InputStream in = exchange.getRequestBody()) {
            form = query(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (!"client_credentials".equals(form.get("grant_type")) || form.getOrDefault("client_id", "").isBlank()
                || form.getOrDefault("client_secret", "").isBlank()) {
            respond(exchange, 400, JSON.createObjectNode().put("error", "invalid_client"));
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, Instant.now().plus(tokenLifetime));
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenLifetime.toSeconds());
        respond(exchange, 200, body);
    }

    private static ObjectNode error(String title, String detail) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "https://tools.ietf.org/html/rfc7231");
        e.put("title", title);
        e.put("status", 0);
        e.put("detail", detail);
        return e;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body instanceof ObjectNode node && node.has("status") && node.get("status").asInt() == 0) {
            node.put("status", status);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key.toLowerCase(Locale.ROOT).equals("email") ? "email" : key, value);
        }
        return out;
    }

    /**
     * Runs the sandbox: {@code java … ServiceTitanSandbox [port] [latency-ms] [employees.csv]} where each CSV line is
     * {@code tenant,name,email}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        ServiceTitanSandbox sandbox = start(port);
        if (args.length > 1) {
            sandbox.latency(Duration.ofMillis(Long.parseLong(args[1])));
        }
        if (args.length > 2) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[2]))) {
                String[] f = line.split(",");
                if (f.length == 3 && !line.startsWith("#")) {
                    sandbox.addEmployee(Long.parseLong(f[0].trim()), f[1].trim(), f[2].trim());
                }
            }
        }
        System.out.println("ServiceTitan sandbox listening on " + sandbox.url());
        Thread.currentThread().join();
    }
}
