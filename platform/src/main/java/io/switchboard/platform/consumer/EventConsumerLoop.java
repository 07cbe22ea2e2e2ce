package io.switchboard.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Polls the handler's topics and feeds each record to the {@link IdempotentEventProcessor}, committing an offset only
 * after its record was applied, skipped as a duplicate or dead-lettered. When the database or even the dead-letter
 * topic is unavailable, the consumer rewinds to that record and tries again, so nothing is skipped silently. A refused
 * offset commit (during a rebalance, say) or a failed poll is logged and consumption goes on: records whose offsets
 * were not committed may be delivered again and are dropped as duplicates.
 */
public final class EventConsumerLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    private final String groupId;
    private final Collection<String> topics;
    private final IdempotentEventProcessor processor;
    private final KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean assigned;

    public EventConsumerLoop(String bootstrapServers, String groupId, Collection<String> topics,
                             IdempotentEventProcessor processor) {
        this(bootstrapServers, groupId, groupId, topics, processor, java.time.Duration.ofSeconds(10));
    }

    public EventConsumerLoop(String bootstrapServers, String groupId, String clientId, Collection<String> topics,
                             IdempotentEventProcessor processor, java.time.Duration sessionTimeout) {
        this.groupId = groupId;
        this.topics = topics;
        this.processor = processor;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only what the outbox relay committed: an aborted batch is never seen.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1000, sessionTimeout.toMillis() / 3));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
    }

    public boolean isAssigned() {
        return assigned;
    }

    public String groupId() {
        return groupId;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = true;
                }
            });
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                    Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
                    Set<TopicPartition> rewound = new HashSet<>();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (!running) {
                            break;
                        }
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        // After a record that must be seen again, its partition's later records wait for it (order per
                        // key); the other partitions go on.
                        if (rewound.contains(partition)) {
                            continue;
                        }
                        if (handle(record)) {
                            applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        } else {
                            rewound.add(partition);
                        }
                    }
                    commit(applied);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warnf("consumer %s: %s; going on", groupId, e.toString());
                    sleep(1000);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** @return false when the record must be seen again (the consumer has been rewound to it) */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            processor.process(record);
        } catch (RuntimeException e) {
            // The database or the dead-letter topic is unavailable (or something unforeseen): never skip the record.
            LOG.warnf("%s: %s; will retry %s[%d]@%d", groupId, e.getMessage(), record.topic(), record.partition(),
                    record.offset());
            consumer.seek(partition, record.offset());
            sleep(1000);
            return false;
        }
        return true;
    }

    /**
     * Commits the offsets past what a poll's records applied, once per poll rather than once per record (a broker round
     * trip each). Every effect is already committed with its processed-event row, so if this commit is lost (a crash,
     * a rebalance) the records come again and are skipped as duplicates.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> applied) {
        if (applied.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(applied);
        } catch (RuntimeException e) {
            LOG.debugf("%s: offset commit failed (%s)", groupId, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
