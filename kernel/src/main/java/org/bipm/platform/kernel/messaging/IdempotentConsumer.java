package org.bipm.platform.kernel.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.kernel.eventstore.DatabaseErrors;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.eventstore.Upcasters;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Applies each event at most once per consumer: the event id is recorded in the same database
 * transaction as the effect, so a redelivered record changes nothing.
 *
 * <p>A record that is not a readable event, or that its handler refuses with {@link PoisonRecord},
 * is rethrown so the channel's {@code dead-letter-queue} failure strategy sends it to
 * {@code <topic>.dlq}. A database that is unavailable is waited for (the partition pauses, nothing
 * is skipped); any other failure is retried a few times and then treated as poison.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final int ATTEMPTS_BEFORE_POISON = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final PlatformMetrics metrics;

    public IdempotentConsumer(DataSource dataSource, ObjectMapper json, PlatformMetrics metrics) {
        this.dataSource = dataSource;
        this.json = json;
        this.metrics = metrics;
    }

    @FunctionalInterface
    public interface Handler {
        void apply(RecordedEvent event, ConsumerRecord<String, byte[]> record);
    }

    /** Reads a record, brings its data to the current schema version, and applies it once. */
    public boolean consume(String consumer, ConsumerRecord<String, byte[]> record, Upcasters upcasters, Handler handler) {
        List<String> logged = logContext(record);
        try {
            RecordedEvent event = upcasters.upcast(CloudEvents.fromRecord(record, json));
            boolean applied = applyOnce(consumer, record, event, handler);
            metrics.consumed(consumer, applied ? "applied" : "duplicate", event.recordedAt());
            LOG.debugf("%s: %s %s %s (%s v%d)", consumer, applied ? "applied" : "already had", event.type(), event.streamId(), event.eventId(),
                    event.version());
            return applied;
        } catch (PoisonRecord poison) {
            metrics.consumed(consumer, "dead-lettered", null);
            throw poison;
        } finally {
            logged.forEach(MDC::remove);
        }
    }

    /**
     * Puts the record's trace and correlation ids in the log context (unless the messaging tracing
     * already did), so a consumer's lines carry the ids of the request that caused the event.
     * Answers the keys it put, for removal.
     */
    private static List<String> logContext(ConsumerRecord<String, byte[]> record) {
        List<String> put = new ArrayList<>(3);
        String correlation = CloudEvents.header(record, CloudEvents.CORRELATION_ID);
        if (correlation != null && MDC.get(EventSourcedCommands.CORRELATION_ID) == null) {
            MDC.put(EventSourcedCommands.CORRELATION_ID, correlation);
            put.add(EventSourcedCommands.CORRELATION_ID);
        }
        String[] traceparent = String.valueOf(CloudEvents.header(record, TraceParent.HEADER)).split("-");
        if (traceparent.length == 4 && MDC.get("traceId") == null) {
            MDC.put("traceId", traceparent[1]);
            MDC.put("spanId", traceparent[2]);
            put.add("traceId");
            put.add("spanId");
        }
        return put;
    }

    private boolean applyOnce(String consumer, ConsumerRecord<String, byte[]> record, RecordedEvent event, Handler handler) {
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(consumer, event)) {
                        return false;
                    }
                    handler.apply(event, record);
                    return true;
                });
            } catch (PoisonRecord poison) {
                throw poison;
            } catch (RuntimeException failure) {
                if (!DatabaseErrors.unavailable(failure) && attempt >= ATTEMPTS_BEFORE_POISON) {
                    throw new PoisonRecord("event " + event.eventId() + " (" + event.type() + ") cannot be applied by "
                            + consumer + ": " + failure);
                }
                LOG.warnf("%s: applying %s failed (attempt %d), retrying: %s", consumer, event.eventId(), attempt, failure.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private boolean markProcessed(String consumer, RecordedEvent event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "insert into processed_events (consumer, event_id) values (?, ?) on conflict do nothing")) {
            statement.setString(1, consumer);
            statement.setObject(2, event.eventId());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new EventStoreFailure("recording event " + event.eventId() + " as processed failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
