package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.platform.contract.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders both overlays with {@code kubectl kustomize} and checks them against the code: what a service reads, the port
 * it listens on, the database it connects to and the topics it uses are what the manifests give it.
 */
class ManifestsTest {

    static final List<String> SERVICES = List.of("directory-service", "number-service", "seat-service", "routing-service",
            "sync-service");
    static final Path REPO = Path.of(System.getProperty("switchboard.repo-root", "../..")).toAbsolutePath().normalize();
    static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();
    static final Map<String, ServiceSettings> SETTINGS = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            RENDERED.put(overlay, Kubectl.render(REPO.resolve("deploy/k8s/overlays/" + overlay)));
        }
        for (String service : SERVICES) {
            SETTINGS.put(service, new ServiceSettings(REPO, service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasProbesLimitsAndAHardenedPod(String overlay) {
        for (String service : SERVICES) {
            JsonNode pod = one(overlay, "Deployment", service).at("/spec/template/spec");
            JsonNode c = container(pod, service);
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/live");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/ready");
            assertThat(c.at("/startupProbe/httpGet/path").asText()).as(service).startsWith("/q/health");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(c.at("/" + probe + "/httpGet/port").asText()).as(service + " " + probe).isEqualTo("http");
            }
            for (String kind : List.of("requests", "limits")) {
                assertThat(c.at("/resources/" + kind + "/cpu").asText()).as(service + " cpu " + kind).isNotEmpty();
                assertThat(c.at("/resources/" + kind + "/memory").asText()).as(service + " memory " + kind).isNotEmpty();
            }
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).as(service).isGreaterThanOrEqualTo(15);
            assertThat(one(overlay, "HorizontalPodAutoscaler", service).at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
            assertThat(one(overlay, "PodDisruptionBudget", service).at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                    .asText()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void portsAndEnvironmentMatchWhatEachServiceReads(String overlay) {
        for (String service : SERVICES) {
            ServiceSettings settings = SETTINGS.get(service);
            JsonNode c = container(one(overlay, "Deployment", service).at("/spec/template/spec"), service);
            Map<String, String> env = environment(overlay, c);
            int port = settings.httpPort();
            assertThat(c.at("/ports/0/containerPort").asInt()).as(service + " containerPort").isEqualTo(port);
            assertThat(env.get("QUARKUS_HTTP_PORT")).as(service + " QUARKUS_HTTP_PORT").isEqualTo(String.valueOf(port));
            JsonNode svc = one(overlay, "Service", service);
            assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(port);
            assertThat(svc.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
            assertThat(one(overlay, "NetworkPolicy", service).at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(port);

            List<String> unread = env.keySet().stream().filter(name -> !settings.reads(name)).toList();
            assertThat(unread).as(service + ": environment variables its configuration does not read").isEmpty();
            assertThat(env.keySet()).as(service).contains("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith(
                    one(overlay, "Kafka", "switchboard").at("/metadata/name").asText() + "-kafka-bootstrap:9092");
            assertThat(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                    .isEqualTo("http://directory-service:" + SETTINGS.get("directory-service").httpPort() + "/api/v1/auth/jwks");
        }
        // What a service cannot start without, beyond the shared settings.
        Map<String, String> sync = environment(overlay, container(one(overlay, "Deployment", "sync-service")
                .at("/spec/template/spec"), "sync-service"));
        assertThat(sync).containsKeys("SWITCHBOARD_SYNC_SERVICETITAN_AUTH_URL", "SWITCHBOARD_SYNC_SERVICETITAN_API_URL",
                "SERVICETITAN_APP_KEY", "SERVICETITAN_CLIENT_ID", "SERVICETITAN_CLIENT_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsOwnDatabaseAndRole(String overlay) {
        JsonNode cluster = one(overlay, "Cluster", "switchboard-db");
        for (String service : SERVICES) {
            String db = SETTINGS.get(service).database();
            Map<String, String> env = environment(overlay, container(one(overlay, "Deployment", service)
                    .at("/spec/template/spec"), service));
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:postgresql://switchboard-db-rw:5432/" + db);
            JsonNode database = one(overlay, "Database", db);
            assertThat(database.at("/spec/name").asText()).isEqualTo(db);
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo("switchboard-db");
            String owner = database.at("/spec/owner").asText();
            JsonNode role = StreamSupport.stream(cluster.at("/spec/managed/roles").spliterator(), false)
                    .filter(r -> r.path("name").asText().equals(owner)).findFirst().orElseThrow(() ->
                            new AssertionError("no managed role " + owner + " for " + service));
            String secret = secretRef(container(one(overlay, "Deployment", service).at("/spec/template/spec"), service),
                    "QUARKUS_DATASOURCE_PASSWORD");
            assertThat(role.at("/passwordSecret/name").asText()).as(service + ": the role's password is the one it uses")
                    .isEqualTo(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheCodeUsesHasAKafkaTopicWithItsDeadLetterTwin(String overlay) throws Exception {
        Set<String> used = new TreeSet<>(Topics.ALL);
        used.addAll(topicLiteralsInSources());
        int brokers = StreamSupport.stream(RENDERED.get(overlay).spliterator(), false)
                .filter(d -> d.path("kind").asText().equals("KafkaNodePool"))
                .filter(d -> d.at("/spec/roles").toString().contains("broker"))
                .mapToInt(d -> d.at("/spec/replicas").asInt()).sum();
        Map<String, JsonNode> topics = new HashMap<>();
        all(overlay, "KafkaTopic").forEach(t -> topics.put(t.at("/spec/topicName").asText(), t));
        for (String topic : used) {
            for (String name : List.of(topic, topic + ".dlq")) {
                JsonNode t = topics.get(name);
                assertThat(t).as("KafkaTopic for " + name).isNotNull();
                int replicas = t.at("/spec/replicas").asInt();
                assertThat(t.at("/spec/partitions").asInt()).as(name).isGreaterThanOrEqualTo(3);
                assertThat(replicas).as(name + " replicas ≤ brokers").isBetween(1, brokers);
                assertThat(t.at("/spec/config/min.insync.replicas").asInt()).as(name).isBetween(1, Math.max(1, replicas - 1));
                assertThat(t.at("/spec/config/retention.ms").asLong()).as(name).isPositive();
                assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("switchboard");
            }
        }
        assertThat(one(overlay, "Kafka", "switchboard").at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true))
                .as("topics come only from KafkaTopic resources").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesComeFromOnePlaceAndNetworkPoliciesOpenOnlyWhatEachServiceNeeds(String overlay) {
        String registry = System.getProperty("switchboard.image.registry");
        String tag = System.getProperty("switchboard.image.tag");
        for (String service : SERVICES) {
            JsonNode c = container(one(overlay, "Deployment", service).at("/spec/template/spec"), service);
            assertThat(c.path("image").asText()).isEqualTo(registry + "/" + service + ":" + tag);
            Set<Integer> egressPorts = new TreeSet<>();
            one(overlay, "NetworkPolicy", service).at("/spec/egress").forEach(rule -> rule.path("ports")
                    .forEach(p -> egressPorts.add(p.path("port").asInt())));
            Set<Integer> expected = new TreeSet<>(List.of(53, 9092, 5432));
            if (!service.equals("directory-service")) {
                expected.add(SETTINGS.get("directory-service").httpPort());
            }
            if (SETTINGS.get(service).pom.contains("<artifactId>quarkus-mailer</artifactId>")) {
                expected.add(587);
            }
            if (service.equals("sync-service")) {
                expected.add(443);
            }
            assertThat(egressPorts).as(service + " egress").isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretReferencedIsGeneratedInDevOrListedForOperatorsInProd(String overlay) throws Exception {
        Set<String> referenced = new TreeSet<>();
        for (JsonNode d : RENDERED.get(overlay)) {
            d.findValues("secretKeyRef").forEach(r -> referenced.add(r.path("name").asText()));
            d.findValues("passwordSecret").forEach(r -> referenced.add(r.path("name").asText()));
            d.findValues("secret").forEach(r -> {
                if (r.has("secretName")) {
                    referenced.add(r.path("secretName").asText());
                }
            });
        }
        if (overlay.equals("dev")) {
            Set<String> generated = new HashSet<>();
            all(overlay, "Secret").forEach(s -> generated.add(s.at("/metadata/name").asText()));
            assertThat(generated).containsAll(referenced);
        } else {
            String readme = Files.readString(REPO.resolve("deploy/k8s/README.md"));
            assertThat(referenced.stream().filter(s -> !readme.contains("`" + s + "`")).toList())
                    .as("prod Secrets the README does not tell operators to create").isEmpty();
            for (String service : SERVICES) {
                JsonNode spec = one(overlay, "Deployment", service).at("/spec");
                assertThat(spec.at("/template/spec/affinity/podAntiAffinity").isMissingNode()).as(service).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theAutoscalerAloneSetsReplicasAndEverySecretKeyUsedInDevExists(String overlay) {
        int minimum = overlay.equals("prod") ? 3 : 1;
        for (String service : SERVICES) {
            assertThat(one(overlay, "Deployment", service).at("/spec/replicas").isMissingNode())
                    .as(service + ": a replica count in the Deployment would undo the autoscaler at every apply").isTrue();
            assertThat(one(overlay, "HorizontalPodAutoscaler", service).at("/spec/minReplicas").asInt()).as(service)
                    .isEqualTo(minimum);
        }
        if (overlay.equals("dev")) {
            for (JsonNode d : RENDERED.get(overlay)) {
                for (JsonNode ref : d.findValues("secretKeyRef")) {
                    JsonNode secret = one(overlay, "Secret", ref.path("name").asText());
                    assertThat(secret.at("/data").has(ref.path("key").asText()))
                            .as(ref.path("name").asText() + " has key " + ref.path("key").asText()).isTrue();
                }
            }
        }
    }

    private static Set<String> topicLiteralsInSources() throws Exception {
        Pattern literal = Pattern.compile("\"([a-z]+\\.[a-z.-]+\\.v[0-9]+)\"");
        Set<String> found = new TreeSet<>();
        for (String module : Stream.concat(SERVICES.stream(), Stream.of("platform")).toList()) {
            try (Stream<Path> files = Files.walk(REPO.resolve(module + "/src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        return found;
    }

    /** The container's environment: its own variables and those of the ConfigMaps it takes whole. */
    private static Map<String, String> environment(String overlay, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("envFrom").forEach(from -> {
            String map = from.at("/configMapRef/name").asText();
            one(overlay, "ConfigMap", map).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        });
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                : "secret:" + e.at("/valueFrom/secretKeyRef/name").asText()));
        return env;
    }

    private static String secretRef(JsonNode container, String variable) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(variable)) {
                return e.at("/valueFrom/secretKeyRef/name").asText();
            }
        }
        throw new AssertionError(variable + " is not taken from a Secret");
    }

    private static JsonNode container(JsonNode podSpec, String name) {
        for (JsonNode c : podSpec.path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no container " + name);
    }

    private static List<JsonNode> all(String overlay, String kind) {
        List<JsonNode> found = new ArrayList<>();
        RENDERED.get(overlay).stream().filter(d -> d.path("kind").asText().equals(kind)).forEach(found::add);
        return found;
    }

    private static JsonNode one(String overlay, String kind, String name) {
        List<JsonNode> found = all(overlay, kind).stream().filter(d -> d.at("/metadata/name").asText().equals(name)).toList();
        assertThat(found).as(overlay + ": " + kind + " " + name).hasSize(1);
        return found.get(0);
    }
}
