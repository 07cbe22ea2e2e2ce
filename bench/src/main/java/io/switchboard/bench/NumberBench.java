package io.switchboard.bench;

import io.switchboard.local.LocalStack;
import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * number-service on the local stack: direct-line assignments per second through {@code PUT /users/{id}/direct-line}
 * (1 and 4 clients), and one random bulk assignment for {@code users} users through the Kafka command seat-service's
 * setup jobs send, timed from sending the command to receiving the reply. Baseline: {@code GET /users/{id}/numbers}
 * (same HTTP, JWT check and user look-up, no change).
 */
public final class NumberBench {

    private static final Pattern NUMBERS = Pattern.compile("\"(\\+1\\d{10})\"");
    private static final List<String> AREA_CODES = List.of("619", "858", "213", "415", "512", "206", "305", "702",
            "303", "214", "312", "617");

    private final LocalStack stack;
    private final StackClient api;

    private NumberBench(LocalStack stack) {
        this.stack = stack;
        this.api = new StackClient(stack);
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, root.resolve("bench/target/stack")))
                .start(Duration.ofSeconds(180))) {
            NumberBench bench = new NumberBench(stack);
            bench.api.signIn();
            List<UUID> people = bench.createUsers(2 * users);
            // Enough for the direct assignments, the random bulk, and 10 % to spare.
            List<String> numbers = bench.buyNumbers(2 * users + users / 10);
            bench.baseline(people.subList(0, Math.min(500, people.size())));
            bench.directAssignments(people.subList(0, users), numbers);
            bench.randomBulk(people.subList(users, 2 * users));
        }
    }


    private List<UUID> createUsers(int count) throws Exception {
        long start = System.nanoTime();
        Queue ids = new Queue();
        parallel(4, count, i -> ids.add(UUID.fromString(StackClient.find(StackClient.ID, api.send("POST", "directory", "/api/v1/users", """
                {"firstName":"N","lastName":"U%d","email":"u%d-%s@bench.example.com","roles":["contact-center-agent"]}"""
                .formatted(i, i, UUID.randomUUID()), 201)))));
        List<UUID> users = new ArrayList<>(ids.items);
        // number-service learns of users from directory events; wait until it knows them all.
        for (UUID u : users) {
            while (api.status("number", "/api/v1/users/" + u + "/numbers") != 200) {
                Thread.sleep(20);
            }
        }
        System.out.printf(Locale.ROOT, "%ncreated %d users and number-service knows them: %.1f s%n", count,
                (System.nanoTime() - start) / 1e9);
        return users;
    }

    private List<String> buyNumbers(int count) throws Exception {
        long start = System.nanoTime();
        List<String> offered = new ArrayList<>();
        for (String areaCode : AREA_CODES) {
            String body = api.send("GET", "number", "/api/v1/numbers/available?limit=200&areaCode=" + areaCode, null, 200);
            Matcher m = NUMBERS.matcher(body);
            while (m.find() && offered.size() < count) {
                offered.add(m.group(1));
            }
        }
        if (offered.size() < count) {
            throw new IllegalStateException("the area codes offered only " + offered.size() + " numbers; add area codes");
        }
        parallel(4, offered.size(), i -> api.send("POST", "number", "/api/v1/numbers",
                "{\"number\":\"" + offered.get(i) + "\",\"usage\":\"direct-line\"}", 201));
        System.out.printf(Locale.ROOT, "bought %d numbers: %.1f s%n", offered.size(), (System.nanoTime() - start) / 1e9);
        return offered;
    }

    private void baseline(List<UUID> users) throws Exception {
        Latencies l = new Latencies(users.size());
        for (UUID u : users) {
            long t0 = System.nanoTime();
            api.send("GET", "number", "/api/v1/users/" + u + "/numbers", null, 200);
            l.add(System.nanoTime() - t0);
        }
        baselineP50 = l.percentileMillis(50);
        System.out.printf(Locale.ROOT, "%nbaseline GET /api/v1/users/{id}/numbers, %d sequential: p50 %.1f ms, p95 %.1f ms%n",
                users.size(), l.percentileMillis(50), l.percentileMillis(95));
    }

    private double baselineP50;

    private void directAssignments(List<UUID> users, List<String> numbers) throws Exception {
        int sequential = users.size() / 4;
        assign(users.subList(0, sequential), numbers.subList(0, sequential), 1);
        assign(users.subList(sequential, users.size()), numbers.subList(sequential, users.size()), 4);
    }

    private void assign(List<UUID> users, List<String> numbers, int clients) throws Exception {
        Latencies l = new Latencies(users.size());
        long start = System.nanoTime();
        parallel(clients, users.size(), i -> {
            long t0 = System.nanoTime();
            api.send("PUT", "number", "/api/v1/users/" + users.get(i) + "/direct-line", "{\"number\":\"" + numbers.get(i) + "\"}", 200);
            synchronized (l) {
                l.add(System.nanoTime() - t0);
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "PUT direct-line, %d users, %d client(s): %.0f assignments/s; p50 %.1f ms (%.1fx baseline), p95 %.1f ms, p99 %.1f ms%n",
                users.size(), clients, users.size() / seconds, l.percentileMillis(50), l.percentileMillis(50) / baselineP50,
                l.percentileMillis(95), l.percentileMillis(99));
    }

    private void randomBulk(List<UUID> users) throws Exception {
        UUID requestId = UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + requestId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.NUMBER_LINES));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            EventEnvelope command = new EventEnvelope(UUID.randomUUID(), AssignRandomDirectLines.TYPE, "switchboard/bench",
                    requestId.toString(), Instant.now(), api.networkId(), "bench",
                    EventJson.write(new AssignRandomDirectLines(requestId, api.networkId(), users, "415")));
            long start = System.nanoTime();
            producer.send(CloudEventCodec.toRecord(Topics.NUMBER_COMMANDS, command)).get();
            RandomDirectLinesAssigned reply = null;
            while (reply == null && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    EventEnvelope e = CloudEventCodec.fromRecord(r);
                    if (e.type().equals(RandomDirectLinesAssigned.TYPE) && e.subject().equals(requestId.toString())) {
                        reply = e.dataAs(RandomDirectLinesAssigned.class);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (reply == null) {
                throw new IllegalStateException("no reply to the random assignment within 5 minutes");
            }
            Set<String> distinct = new HashSet<>();
            reply.assignments().forEach(a -> distinct.add(a.number()));
            System.out.printf(Locale.ROOT, "%nrandom bulk assignment (Kafka command -> reply), %d users: %.2f s (%.1f ms per user); "
                            + "%d assigned, %d distinct numbers, %d without a number%n",
                    users.size(), seconds, seconds * 1000 / users.size(), reply.assignments().size(), distinct.size(),
                    reply.unassigned().size());
        }
    }



    interface Task {
        Object run(int i) throws Exception;
    }

    private static void parallel(int threads, int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private static final class Queue {
        final List<UUID> items = Collections.synchronizedList(new ArrayList<>());

        Object add(UUID id) {
            items.add(id);
            return null;
        }
    }

}
