package io.switchboard.platform.consumer;

import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.CloudEventCodec;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.MalformedEventException;
import io.switchboard.platform.trace.TraceContext;
import io.switchboard.platform.tx.Transactions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies one record exactly once per consumer: the processed-event row and the handler's effect share a transaction.
 * A record that still fails after the bounded retries is copied to {@code <topic>.dlq} with the error in headers.
 */
public final class IdempotentEventProcessor {

    public enum Outcome { APPLIED, DUPLICATE, DEAD_LETTERED, IGNORED }

    public static final String DLQ_ERROR_CLASS = "dlq_error_class";
    public static final String DLQ_ERROR_MESSAGE = "dlq_error_message";
    public static final String DLQ_ORIGINAL_TOPIC = "dlq_original_topic";
    public static final String DLQ_ORIGINAL_PARTITION = "dlq_original_partition";
    public static final String DLQ_ORIGINAL_OFFSET = "dlq_original_offset";
    public static final String DLQ_CONSUMER = "dlq_consumer";
    public static final String DLQ_ATTEMPTS = "dlq_attempts";

    private static final Logger LOG = Logger.getLogger(IdempotentEventProcessor.class);

    private final String consumer;
    private final EventHandler handler;
    private final Transactions transactions;
    private final Producer<String, byte[]> deadLetterProducer;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final ProcessedEventStore store = new ProcessedEventStore();

    public IdempotentEventProcessor(String consumer, EventHandler handler, Transactions transactions,
                                    Producer<String, byte[]> deadLetterProducer, int maxAttempts, Duration initialBackoff) {
        this.consumer = consumer;
        this.handler = handler;
        this.transactions = transactions;
        this.deadLetterProducer = deadLetterProducer;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
    }

    /**
     * @throws RetryLaterException when the service's database is unavailable, or the record had to go to the DLQ and the
     *                             broker did not take it: the caller must not commit the offset, so the record is seen
     *                             again
     */
    public Outcome process(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = CloudEventCodec.fromRecord(record);
        } catch (MalformedEventException e) {
            deadLetter(record, e, 1);
            return Outcome.DEAD_LETTERED;
        }
        if (!handler.accepts(event.type())) {
            return Outcome.IGNORED;
        }
        TraceContext.enter(TraceContext.continueOrStart(CloudEventCodec.get(record.headers(), CloudEventCodec.TRACEPARENT)));
        try {
            return apply(record, event);
        } finally {
            TraceContext.leave();
        }
    }

    private Outcome apply(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
        RuntimeException last = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            attempt++;
            try {
                boolean applied = transactions.inNewTransaction(() -> {
                    boolean first = transactions.withConnection(
                            c -> store.markProcessed(c, consumer, event.id(), record.topic()));
                    if (first) {
                        handler.handle(event);
                    }
                    return first;
                });
                return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
            } catch (RuntimeException e) {
                last = e;
                if (rootCause(e) instanceof MalformedEventException) {
                    break;
                }
                if (isDatabaseUnavailable(e)) {
                    // Not the event's fault: dead-lettering would lose every event of an outage.
                    throw new RetryLaterException("database unavailable while applying " + event.id(), e);
                }
                LOG.debugf("attempt %d of %d failed for %s %s: %s", attempt, maxAttempts, event.type(), event.id(), e);
                if (attempt < maxAttempts) {
                    sleep(initialBackoff.toMillis() << (attempt - 1));
                }
            }
        }
        deadLetter(record, rootCause(last), attempt);
        return Outcome.DEAD_LETTERED;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error, int attempts) {
        String dlq = Topics.deadLetterTopicOf(record.topic());
        LOG.errorf("%s gives up on %s[%d]@%d after %d attempt(s), sending it to %s: %s", consumer, record.topic(),
                record.partition(), record.offset(), attempts, dlq, error.toString());
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(dlq, null, record.key(), record.value(), record.headers());
        CloudEventCodec.put(copy.headers(), DLQ_ERROR_CLASS, error.getClass().getName());
        CloudEventCodec.put(copy.headers(), DLQ_ERROR_MESSAGE, String.valueOf(error.getMessage()));
        CloudEventCodec.put(copy.headers(), DLQ_ORIGINAL_TOPIC, record.topic());
        CloudEventCodec.put(copy.headers(), DLQ_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventCodec.put(copy.headers(), DLQ_ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventCodec.put(copy.headers(), DLQ_CONSUMER, consumer);
        CloudEventCodec.put(copy.headers(), DLQ_ATTEMPTS, Integer.toString(attempts));
        try {
            deadLetterProducer.send(copy).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterUnavailableException(dlq, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new DeadLetterUnavailableException(dlq, e);
        }
    }

    /** Connection-level failures (SQLState class 08, 57P0x shutdowns, 53xxx resources) or a refused connection. */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof MalformedEventException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The record could not be applied or dead-lettered for reasons outside it: process it again later. */
    public static class RetryLaterException extends RuntimeException {
        RetryLaterException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The dead-letter topic could not be written: the record must be processed again later. */
    public static final class DeadLetterUnavailableException extends RetryLaterException {
        DeadLetterUnavailableException(String topic, Throwable cause) {
            super("could not write to " + topic, cause);
        }
    }
}
