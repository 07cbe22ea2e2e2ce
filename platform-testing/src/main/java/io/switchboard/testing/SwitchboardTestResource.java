package io.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.infra.PostgresServer;

import java.util.Map;

/**
 * Points a service under test at the shared real PostgreSQL (its own database, named by the {@code database} init
 * argument) and the shared real Kafka broker.
 */
public class SwitchboardTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl = TestInfrastructure.postgres().createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; stopped by shutdown hooks when the test JVM exits.
    }
}
