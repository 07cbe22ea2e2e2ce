package io.switchboard.platform.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.platform.config.SwitchboardConfig;
import io.switchboard.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Starts one consumer thread per {@link EventHandler} bean of the service, and stops them on shutdown. */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final SwitchboardConfig config;
    private final Transactions transactions;
    private final Instance<EventHandler> handlers;
    private final List<EventConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ProcessedEventStore processed = new ProcessedEventStore();
    private Producer<String, byte[]> deadLetterProducer;
    private ScheduledExecutorService housekeeping;

    public EventConsumers(SwitchboardConfig config, Transactions transactions, Instance<EventHandler> handlers) {
        this.config = config;
        this.transactions = transactions;
        this.handlers = handlers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled() || handlers.isUnsatisfied()) {
            return;
        }
        deadLetterProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        for (EventHandler handler : handlers) {
            String group = config.serviceName() + "." + handler.name();
            for (int i = 0; i < handler.concurrency(); i++) {
                String client = handler.concurrency() == 1 ? group : group + "-" + i;
                IdempotentEventProcessor processor = new IdempotentEventProcessor(group, handler, transactions,
                        deadLetterProducer, config.consumer().maxAttempts(), config.consumer().initialBackoff());
                EventConsumerLoop loop = new EventConsumerLoop(config.kafkaBootstrapServers(), group, client,
                        handler.topics(), processor, config.consumer().sessionTimeout());
                Thread thread = new Thread(loop, "consumer-" + client);
                thread.setDaemon(true);
                loops.add(loop);
                threads.add(thread);
                thread.start();
            }
            LOG.infof("consuming %s as %s (%d thread(s))", handler.topics(), group, handler.concurrency());
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "processed-event-purge");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::purgeProcessed, 1, 60, TimeUnit.MINUTES);
    }

    private void purgeProcessed() {
        try {
            int purged = transactions.inNewTransaction(() -> transactions.withConnection(
                    c -> processed.purgeOlderThan(c, config.consumer().processedRetention())));
            LOG.debugf("forgot %d processed event ids", purged);
        } catch (RuntimeException e) {
            LOG.warn("could not purge processed event ids; will try again", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        loops.forEach(EventConsumerLoop::close);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Ready when every consumer thread runs and every group has been given its partitions (a group of several threads
     * may leave one without a partition when the topics have fewer).
     */
    public boolean allAssigned() {
        Map<String, Boolean> groupAssigned = new java.util.HashMap<>();
        for (int i = 0; i < loops.size(); i++) {
            if (!threads.get(i).isAlive()) {
                return false;
            }
            groupAssigned.merge(loops.get(i).groupId(), loops.get(i).isAssigned(), Boolean::logicalOr);
        }
        return !groupAssigned.containsValue(false);
    }

    public List<String> groups() {
        return loops.stream().map(EventConsumerLoop::groupId).distinct().toList();
    }
}
