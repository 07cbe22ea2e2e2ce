package io.switchboard.platform.events;

import io.quarkus.runtime.StartupEvent;
import io.switchboard.platform.config.SwitchboardConfig;
import io.switchboard.platform.contract.Topics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates every event topic and its dead-letter twin before the consumers and the relay start, so the first event
 * does not wait for the broker to auto-create its topic, and partition counts are ours, not the broker's default.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    void onStart(@Observes @Priority(100) StartupEvent event, SwitchboardConfig config) {
        if (!config.kafkaCreateTopics()) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, config.kafkaTopicPartitions(), config.kafkaReplicationFactor()));
            topics.add(new NewTopic(Topics.deadLetterTopicOf(topic), config.kafkaTopicPartitions(),
                    config.kafkaReplicationFactor()));
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            admin.createTopics(topics).values().forEach((name, created) -> {
                try {
                    created.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("topic %s not created: %s", name, e.getCause().toString());
                    }
                } catch (TimeoutException e) {
                    LOG.warnf("topic %s not created in time; the broker may create it on first use", name);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
