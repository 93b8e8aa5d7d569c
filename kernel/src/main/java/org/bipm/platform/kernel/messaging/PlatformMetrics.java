package org.bipm.platform.kernel.messaging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.Outbox;

/**
 * The platform's own metrics on /q/metrics, next to Quarkus' HTTP, JVM, database and Kafka client ones:
 * commands by type and outcome, append latency, outbox backlog and age, relay publish count,
 * events applied per consumer and how far behind each consumer is, records sent to a DLQ.
 */
@ApplicationScoped
public class PlatformMetrics {

    private final MeterRegistry registry;
    private final OutboxConfig outboxConfig;
    private final OutboxRelayService relays;
    private final Outbox outbox;
    private final DataSource dataSource;
    private final Map<String, AtomicReference<Instant>> lastApplied = new ConcurrentHashMap<>();

    public PlatformMetrics(MeterRegistry registry, OutboxConfig outboxConfig, OutboxRelayService relays,
                           Outbox outbox, DataSource dataSource) {
        this.registry = registry;
        this.outboxConfig = outboxConfig;
        this.relays = relays;
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    void registerOutboxMeters(@Observes StartupEvent startup) {
        if (outboxConfig.topic().isEmpty()) {
            return;
        }
        String topic = outboxConfig.topic().get();
        Gauge.builder("platform.outbox.backlog", this, metrics -> metrics.backlog().events())
                .description("Events committed but not yet acknowledged by Kafka").tag("topic", topic).register(registry);
        Gauge.builder("platform.outbox.oldest.age", this, metrics -> metrics.backlog().oldestAgeSeconds())
                .description("Age of the oldest unpublished event").baseUnit("seconds").tag("topic", topic).register(registry);
        FunctionCounter.builder("platform.outbox.published", relays,
                        service -> service.relay().map(OutboxRelay::published).orElse(0L))
                .description("Events this replica's relay published").tag("topic", topic).register(registry);
    }

    /** Times one command; outcome is accepted, replayed, rejected, conflict or failed. */
    public void command(String command, String outcome, long nanos) {
        Timer.builder("platform.commands").description("Commands handled, by type and outcome")
                .tag("command", command).tag("outcome", outcome)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void append(long nanos) {
        Timer.builder("platform.eventstore.append").description("Appending events with their outbox rows")
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** An event a consumer handled: applied, duplicate or dead-lettered; lag = now - when the event was recorded. */
    public void consumed(String consumer, String outcome, Instant recordedAt) {
        registry.counter("platform.consumer.events", "consumer", consumer, "outcome", outcome).increment();
        if (recordedAt != null && !outcome.equals("dead-lettered")) {
            lastApplied.computeIfAbsent(consumer, name -> {
                AtomicReference<Instant> last = new AtomicReference<>(recordedAt);
                Gauge.builder("platform.consumer.lag", last,
                                ref -> Duration.between(ref.get(), Instant.now()).toMillis() / 1000.0)
                        .description("Seconds between recording and applying the consumer's latest event")
                        .baseUnit("seconds").tag("consumer", name).register(registry);
                return last;
            }).set(recordedAt);
        }
    }

    private Outbox.Backlog backlog() {
        try (Connection connection = dataSource.getConnection()) {
            return outbox.backlog(connection);
        } catch (Exception e) {
            return new Outbox.Backlog(-1, -1);
        }
    }
}
