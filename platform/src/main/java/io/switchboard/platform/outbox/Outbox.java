package io.switchboard.platform.outbox;

import io.switchboard.platform.config.SwitchboardConfig;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.EventJson;
import io.switchboard.platform.trace.TraceContext;
import io.switchboard.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.UUID;

/**
 * Publishes an event as part of the caller's transaction: the event is written to the outbox table and reaches Kafka
 * only if, and after, the transaction commits. Calling it outside a transaction is a programming error.
 */
@ApplicationScoped
public class Outbox {

    private final Transactions transactions;
    private final TransactionManager transactionManager;
    private final TransactionSynchronizationRegistry synchronizations;
    private final OutboxRelayRunner relay;
    private final String source;
    private final OutboxStore store = new OutboxStore();

    public Outbox(Transactions transactions, TransactionManager transactionManager,
                  TransactionSynchronizationRegistry synchronizations, OutboxRelayRunner relay, SwitchboardConfig config) {
        this.transactions = transactions;
        this.transactionManager = transactionManager;
        this.synchronizations = synchronizations;
        this.relay = relay;
        this.source = "switchboard/" + config.serviceName();
    }

    /**
     * @param topic       one of {@link io.switchboard.platform.contract.Topics}
     * @param aggregateId the record key and CloudEvents subject
     * @param type        the fact, past tense (e.g. {@code user.deactivated})
     * @param networkId   the network the event belongs to
     * @param actor       who caused it (a user id, or a service name for automatic reactions)
     * @param payload     the event body; serialized with {@link EventJson}
     */
    public EventEnvelope publish(String topic, String aggregateId, String type, UUID networkId, String actor, Object payload) {
        requireTransaction();
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), type, source, aggregateId, Instant.now(), networkId,
                actor, EventJson.write(payload));
        transactions.withConnection(c -> {
            store.append(c, topic, event, TraceContext.current());
            return null;
        });
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event;
    }

    private void requireTransaction() {
        try {
            if (transactionManager.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("Outbox.publish must run inside an active transaction");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
