package io.switchboard.bench;

import io.switchboard.local.LocalStack;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.EventJson;
import io.switchboard.sandbox.ServiceTitanSandbox;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sync-service on the local stack against the ServiceTitan sandbox answering every call after 50 ms:
 * <ul>
 *   <li>write-back latency: a {@code directline.assigned} event published to {@code number.lines.v1} → the PATCH with
 *       that number recorded by the sandbox, one user (one tenant) at a time; baseline: the same PATCH sent straight to
 *       the sandbox from this process until recorded there (token and ST-App-Key included);</li>
 *   <li>throughput: lines for users each in 10 tenants published at once → every PATCH received.</li>
 * </ul>
 */
public final class SyncBench {

    private static final long FIRST_TENANT = 3_000_001;

    private final LocalStack stack;
    private final StackClient api;
    private final ServiceTitanSandbox st;

    private SyncBench(LocalStack stack) {
        this.stack = stack;
        this.api = new StackClient(stack);
        this.st = stack.serviceTitan();
    }

    public static void main(String[] args) throws Exception {
        int latencyUsers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int throughputUsers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path root = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath().normalize();
        try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, root.resolve("bench/target/stack")))
                .start(Duration.ofSeconds(180))) {
            SyncBench bench = new SyncBench(stack);
            bench.api.signIn();
            List<UUID> tenants = bench.tenants(10);
            List<UUID> single = bench.users("lat", latencyUsers, tenants.subList(0, 1));
            List<UUID> multi = bench.users("tput", throughputUsers, tenants);
            bench.awaitLinked(latencyUsers + throughputUsers * 10);
            bench.st.latency(Duration.ofMillis(50));
            Latencies baseline = bench.baseline(100);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
                Latencies latency = bench.latency(producer, single);
                System.out.printf(Locale.ROOT, "%nOffice Phone write-back, sandbox latency 50 ms, %d users one at a time, ms%n", single.size());
                System.out.printf(Locale.ROOT, "%-52s %8s %8s %8s%n", "path", "p50", "p95", "p99");
                row("baseline: PATCH from here -> recorded at the sandbox", baseline, null);
                row("directline.assigned -> PATCH at the sandbox", latency, baseline);
                bench.throughput(producer, multi, 10);
            }
        }
    }

    private static void row(String name, Latencies l, Latencies baseline) {
        System.out.printf(Locale.ROOT, "%-52s %8.1f %8.1f %8.1f%n", name, l.percentileMillis(50), l.percentileMillis(95),
                l.percentileMillis(99));
        if (baseline != null) {
            System.out.printf(Locale.ROOT, "%-52s %7.1fx %7.1fx %7.1fx%n", "  ratio", l.percentileMillis(50) / baseline.percentileMillis(50),
                    l.percentileMillis(95) / baseline.percentileMillis(95), l.percentileMillis(99) / baseline.percentileMillis(99));
        }
    }


    private List<UUID> tenants(int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.fromString(StackClient.find(StackClient.ID, api.send("POST", "directory", "/api/v1/tenants",
                    "{\"name\":\"Tenant %d\",\"serviceTitanTenantId\":%d}".formatted(i, FIRST_TENANT + i), 201))));
        }
        return ids;
    }

    /** Hub users in these tenants, each with a matching employee in every one of them. */
    private List<UUID> users(String prefix, int count, List<UUID> tenants) throws Exception {
        List<UUID> users = new ArrayList<>();
        StringBuilder tenantIds = new StringBuilder();
        for (UUID t : tenants) {
            tenantIds.append(tenantIds.isEmpty() ? "" : ",").append('"').append(t).append('"');
        }
        for (int i = 0; i < count; i++) {
            String email = prefix + i + "@bench.example.com";
            for (int t = 0; t < tenants.size(); t++) {
                st.addEmployee(FIRST_TENANT + t, "Bench " + i, email);
            }
            users.add(UUID.fromString(StackClient.find(StackClient.ID, api.send("POST", "directory", "/api/v1/users", """
                    {"firstName":"Bench","lastName":"%s%d","email":"%s","roles":["contact-center-agent"],"tenantIds":[%s]}"""
                    .formatted(prefix, i, email, tenantIds), 201))));
        }
        return users;
    }

    private void awaitLinked(int links) throws Exception {
        long start = System.nanoTime();
        Pattern linked = Pattern.compile("\"linked\":(\\d+)");
        while (true) {
            Matcher m = linked.matcher(api.send("GET", "sync", "/api/v1/sync/status", null, 200));
            if (m.find() && Integer.parseInt(m.group(1)) >= links) {
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
                throw new IllegalStateException("links not resolved in 3 minutes");
            }
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "%n%d links resolved by email: %.1f s after the last user was created%n", links,
                (System.nanoTime() - start) / 1e9);
    }

    /** The same PATCH the service sends, straight from here to the sandbox. */
    private Latencies baseline(int count) throws Exception {
        String form = "grant_type=client_credentials&client_id=bench&client_secret=bench";
        String stToken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.http().send(HttpRequest.newBuilder(
                        URI.create(st.url() + "/connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asText();
        long employee = st.addEmployee(FIRST_TENANT, "Baseline", "baseline@bench.example.com");
        Latencies l = new Latencies(count);
        for (int i = 0; i < count; i++) {
            String number = "+1619555" + (1000 + i);
            int before = st.patches().size();
            long t0 = System.nanoTime();
            var response = api.http().sendAsync(HttpRequest.newBuilder(URI.create(st.url() + "/settings/v2/tenant/" + FIRST_TENANT
                            + "/employees/" + employee)).header("Authorization", "Bearer " + stToken).header("ST-App-Key", "bench")
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phoneNumber\":\"" + number + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            awaitPatch(before, number);
            l.add(System.nanoTime() - t0);
            if (response.get().statusCode() != 200) {
                throw new IllegalStateException("sandbox answered " + response.get().statusCode());
            }
        }
        return l;
    }

    /** Measured like the system path: until the sandbox has recorded the PATCH. */
    private void awaitPatch(int before, String number) {
        while (true) {
            List<ServiceTitanSandbox.Patch> patches = st.patches();
            if (patches.size() > before && patches.subList(before, patches.size()).stream()
                    .anyMatch(p -> number.equals(p.phoneNumber()))) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private Latencies latency(KafkaProducer<String, byte[]> producer, List<UUID> users) throws Exception {
        int warmup = Math.min(30, users.size() / 10);
        Latencies l = new Latencies(users.size());
        for (int i = 0; i < users.size(); i++) {
            String number = "+1858555" + String.format("%04d", i);
            int before = st.patches().size();
            long t0 = System.nanoTime();
            publish(producer, users.get(i), number);
            awaitPatch(before, number);
            if (i >= warmup) {
                l.add(System.nanoTime() - t0);
            }
        }
        return l;
    }

    private void throughput(KafkaProducer<String, byte[]> producer, List<UUID> users, int tenants) throws Exception {
        int expected = users.size() * tenants;
        int before = st.patches().size();
        long t0 = System.nanoTime();
        for (int i = 0; i < users.size(); i++) {
            publish(producer, users.get(i), "+1760555" + String.format("%04d", i));
        }
        producer.flush();
        while (st.patches().size() - before < expected) {
            Thread.sleep(2);
            if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
                throw new IllegalStateException("only " + (st.patches().size() - before) + " of " + expected + " writes in 5 minutes");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int maxPerSecond = 0;
        for (int t = 0; t < tenants; t++) {
            maxPerSecond = Math.max(maxPerSecond, st.maxCallsInAnySecond(FIRST_TENANT + t));
        }
        System.out.printf(Locale.ROOT, "%nthroughput: %d Office Phone writes (%d users x %d tenants), sandbox latency 50 ms: %.2f s = %.0f writes/s; "
                + "most calls to one tenant in any second: %d (limit 50)%n", expected, users.size(), tenants, seconds,
                expected / seconds, maxPerSecond);
    }

    private void publish(KafkaProducer<String, byte[]> producer, UUID userId, String number) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), DirectLineChanged.ASSIGNED, "switchboard/bench",
                userId.toString(), Instant.now(), api.networkId(), "bench",
                EventJson.write(new DirectLineChanged(userId, api.networkId(), number, null, List.of(), 1, Instant.now())));
        producer.send(CloudEventCodec.toRecord(Topics.NUMBER_LINES, event));
    }


}
