package io.switchboard.testing;

import io.switchboard.infra.KafkaBroker;
import io.switchboard.infra.Ports;
import io.switchboard.infra.PostgresServer;

import java.nio.file.Path;
import java.time.Duration;

/** The real PostgreSQL server and Kafka broker shared by every test in this JVM; started on first use, once. */
public final class TestInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(workDir().resolve("postgres"), Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = new KafkaBroker(workDir().resolve("kafka"), Ports.free()).start(Duration.ofSeconds(90));
        }
        return kafka;
    }

    private static Path workDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "test-infrastructure-" + ProcessHandle.current().pid());
    }
}
