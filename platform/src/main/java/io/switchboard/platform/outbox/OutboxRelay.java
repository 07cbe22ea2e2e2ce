package io.switchboard.platform.outbox;

import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.tx.Transactions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes outbox rows to Kafka in seq order.
 *
 * <p>Each batch is one Kafka transaction: either every record of the batch becomes visible to (read_committed)
 * consumers or none does, so a failure can never leave a later event of a key published ahead of an earlier one. The
 * rows are marked published only after the Kafka commit; a crash between the two republishes the batch, which
 * consumers drop by event id. While the broker is unreachable the batch fails, the rows stay pending, and the next
 * attempt starts with a fresh producer.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Transactions transactions;
    private final OutboxStore store = new OutboxStore();
    private final Map<String, Object> producerConfig;
    private final long lockKey;
    private final int batchSize;
    private Producer<String, byte[]> producer;

    public OutboxRelay(Transactions transactions, String bootstrapServers, String serviceName, int batchSize) {
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.lockKey = ("switchboard-outbox-relay:" + serviceName).hashCode();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        // Unique per relay instance: the advisory lock, not fencing, decides which instance publishes.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, serviceName + "-outbox-" + UUID.randomUUID());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producerConfig = config;
    }

    /**
     * Publishes at most one batch.
     *
     * @return how many events were published; 0 when nothing was pending or another instance holds the relay lock
     * @throws RuntimeException when the broker did not take the batch (the rows stay pending)
     */
    public synchronized int publishBatch() {
        try {
            return transactions.inNewTransaction(() -> transactions.withConnection(c -> {
                if (!store.tryLockRelay(c, lockKey)) {
                    return 0;
                }
                List<OutboxStore.PendingEvent> batch = store.pending(c, batchSize);
                if (batch.isEmpty()) {
                    return 0;
                }
                send(batch);
                store.markPublished(c, batch.get(0).seq(), batch.get(batch.size() - 1).seq());
                return batch.size();
            }));
        } catch (RuntimeException e) {
            discardProducer();
            throw e;
        }
    }

    /** Publishes until nothing is pending; returns the number published. */
    public int drain() {
        int total = 0;
        int published;
        while ((published = publishBatch()) > 0) {
            total += published;
        }
        return total;
    }

    private void send(List<OutboxStore.PendingEvent> batch) {
        Producer<String, byte[]> p = producer();
        p.beginTransaction();
        for (OutboxStore.PendingEvent row : batch) {
            p.send(CloudEventCodec.toRecord(row.topic(), row.event()));
        }
        p.commitTransaction();
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Producer<String, byte[]> p = new KafkaProducer<>(producerConfig);
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(java.time.Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing a failed outbox producer", e);
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
