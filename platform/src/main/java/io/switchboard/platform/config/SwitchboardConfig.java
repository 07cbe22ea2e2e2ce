package io.switchboard.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Settings every service reads (prefix {@code switchboard}); each can be set by environment variable too. */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    /** Name of this service: the CloudEvents source, consumer group prefix, and outbox relay identity. */
    @WithName("service-name")
    String serviceName();

    /** Kafka bootstrap servers; the same property the Quarkus Kafka client uses. */
    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String kafkaBootstrapServers();

    /** Create every event topic and its DLQ at start (off where an operator, such as Strimzi, owns the topics). */
    @WithName("kafka.create-topics")
    @WithDefault("true")
    boolean kafkaCreateTopics();

    @WithName("kafka.topic-partitions")
    @WithDefault("3")
    int kafkaTopicPartitions();

    @WithName("kafka.replication-factor")
    @WithDefault("1")
    short kafkaReplicationFactor();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** Whether this instance runs the relay (turned off only by tests that drive the relay by hand). */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows when nothing woke it (commits wake it at once). */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long to wait before trying again after the broker refused a batch. */
        @WithDefault("1s")
        Duration retryBackoff();

        @WithDefault("500")
        int batchSize();

        /** How long published rows are kept for inspection before they are purged. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Attempts for one event before it is sent to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles on each further attempt. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** How long processed event ids are remembered for deduplication. */
        @WithDefault("P7D")
        Duration processedRetention();

        /**
         * How long the broker waits for a silent consumer before handing its partitions to another. A process killed
         * without leaving its group holds them this long; Kafka's default (45 s) stalled a job for 45 s after each kill -9.
         */
        @WithDefault("10s")
        Duration sessionTimeout();
    }
}
