package io.switchboard.local;

import io.switchboard.infra.KafkaBroker;
import io.switchboard.infra.Ports;
import io.switchboard.infra.PostgresServer;
import io.switchboard.infra.ProcessReaper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system on one machine, no Docker: a real PostgreSQL (one database per service), a real Kafka broker, and
 * the five services as separate JVMs running their packaged {@code quarkus-run.jar}. Used by {@code deploy/local/up},
 * the end-to-end test and the benchmark, so all three run exactly the same stack.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("directory", "number", "seat", "routing", "sync");

    /** Where and on which ports to run. */
    public record Options(Path repoRoot, Path workDir, int firstServicePort, int kafkaPort, int postgresPort,
                          int serviceTitanPort, List<String> jvmOptions) {

        /** The DESIGN.md ports: services 8081–8085, Kafka 9092, PostgreSQL 5432 (or free ports where those are taken). */
        public static Options standard(Path repoRoot) {
            return new Options(repoRoot, repoRoot.resolve(".local-stack"), 8081, 9092, 5432, 8089, defaultJvm());
        }

        /** Free ports everywhere, so it can run beside a stack that is already up (tests, benchmarks). */
        public static Options isolated(Path repoRoot, Path workDir) {
            int base = freeRange(5);
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            for (int p = base; p < base + SERVICES.size(); p++) {
                taken.add(p);
            }
            return new Options(repoRoot, workDir, base, freeExcept(taken), freeExcept(taken), freeExcept(taken), defaultJvm());
        }

        /** A free port none of the others took: a port free now is also free for the next one asked. */
        private static int freeExcept(java.util.Set<Integer> taken) {
            while (true) {
                int port = Ports.free();
                if (taken.add(port)) {
                    return port;
                }
            }
        }

        /** Small heaps for five JVMs on one machine; {@code SWITCHBOARD_LOCAL_JVM_OPTIONS} adds more (a profiler, say). */
        private static List<String> defaultJvm() {
            List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-Xss512k"));
            String extra = System.getenv("SWITCHBOARD_LOCAL_JVM_OPTIONS");
            if (extra != null && !extra.isBlank()) {
                options.addAll(List.of(extra.trim().split("\\s+")));
            }
            return options;
        }
    }

    private final Options options;
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final Map<String, Process> services = new LinkedHashMap<>();
    private Path signingKey;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private io.switchboard.sandbox.ServiceTitanSandbox serviceTitan;

    public LocalStack(Options options) {
        this.options = options;
        for (int i = 0; i < SERVICES.size(); i++) {
            servicePorts.put(SERVICES.get(i), options.firstServicePort() + i);
        }
    }

    /** Starts everything and returns once every service reports ready. Starts from empty data each time. */
    public LocalStack start(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        requireJars();
        for (Map.Entry<String, Integer> e : servicePorts.entrySet()) {
            if (!Ports.isFree(e.getValue())) {
                throw new IllegalStateException("port " + e.getValue() + " for " + e.getKey()
                        + "-service is taken: is a stack already running? (deploy/local/down stops it)");
            }
        }
        try {
            deleteRecursively(options.workDir().resolve("kafka"));
            deleteRecursively(options.workDir().resolve("postgres"));
            deleteRecursively(options.workDir().resolve("logs"));
            Files.createDirectories(options.workDir().resolve("logs"));
            int pgPort = Ports.isFree(options.postgresPort()) ? options.postgresPort() : Ports.free();
            int kafkaPort = Ports.isFree(options.kafkaPort()) ? options.kafkaPort() : Ports.free();
            postgres = PostgresServer.start(options.workDir().resolve("postgres"), pgPort);
            kafka = new KafkaBroker(options.workDir().resolve("kafka"), kafkaPort).start(remaining(deadline));
            serviceTitan = io.switchboard.sandbox.ServiceTitanSandbox.start(
                    Ports.isFree(options.serviceTitanPort()) ? options.serviceTitanPort() : Ports.free());
            DemoData.seedServiceTitan(serviceTitan);
            signingKey = writeSigningKey();
            for (String service : SERVICES) {
                services.put(service, launch(service, signingKey));
            }
            for (String service : SERVICES) {
                awaitReady(service, deadline);
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String url(String service) {
        return "http://localhost:" + servicePorts.get(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The ServiceTitan sandbox sync-service writes Office Phones to. */
    public io.switchboard.sandbox.ServiceTitanSandbox serviceTitan() {
        return serviceTitan;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** CPU time the service's process has used so far (what a benchmark compares between runs on a shared machine). */
    public java.time.Duration cpuTime(String service) {
        return services.get(service).info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** Kills the service's process at once ({@code kill -9}): no graceful shutdown, nothing flushed. */
    public synchronized void kill(String service) {
        Process p = services.get(service);
        p.destroyForcibly();
        try {
            p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed or stopped service again on its port and data, and returns once it is ready. */
    public synchronized void restart(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process old = services.get(service);
        if (old.isAlive()) {
            kill(service);
        }
        try {
            services.put(service, launch(service, signingKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(service, deadline);
    }

    /** Stops the Kafka broker (its data kept), waits, and starts it again on the same port. */
    public synchronized void restartKafka(Duration down, Duration timeout) {
        kafka.stop();
        sleep(down.toMillis());
        kafka.start(timeout);
    }

    public Path log(String service) {
        return options.workDir().resolve("logs").resolve(service + "-service.log");
    }

    /** Stops the services (gracefully, all at once), then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        services.values().forEach(Process::destroy);
        for (Process p : services.values()) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        services.clear();
        if (serviceTitan != null) {
            serviceTitan.close();
            serviceTitan = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private Process launch(String service, Path signingKey) throws IOException {
        Path jar = jar(service);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(options.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(servicePorts.get(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", url("directory") + "/api/v1/auth/jwks");
        if (service.equals("sync")) {
            env.put("SWITCHBOARD_SYNC_SERVICETITAN_AUTH_URL", serviceTitan.url() + "/connect/token");
            env.put("SWITCHBOARD_SYNC_SERVICETITAN_API_URL", serviceTitan.url());
        }
        if (service.equals("directory")) {
            env.put("SWITCHBOARD_DIRECTORY_PRIVATE_KEY_LOCATION", signingKey.toString());
        }
        Process process = pb.start();
        ProcessReaper.register(process);
        return process;
    }

    private void awaitReady(String service, long deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            Process p = services.get(service);
            if (!p.isAlive()) {
                throw new IllegalStateException(service + "-service exited with " + p.exitValue() + "; see " + log(service));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException(service + "-service was not ready in time; see " + log(service));
    }

    /** A fresh RS256 key for this run: directory-service signs with it and publishes its public half as JWKS. */
    private Path writeSigningKey() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Path key = options.workDir().resolve("signing-key.pem");
            Files.writeString(key, pem);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireJars() {
        List<String> missing = SERVICES.stream().filter(s -> !Files.exists(jar(s))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + missing + "; run mvn -B install -DskipTests first");
        }
    }

    private Path jar(String service) {
        return options.repoRoot().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    private static int freeRange(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 30000);
            boolean free = true;
            for (int i = 0; i < size && free; i++) {
                free = Ports.isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
