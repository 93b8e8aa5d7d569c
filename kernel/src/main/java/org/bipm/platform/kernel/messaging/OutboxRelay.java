package org.bipm.platform.kernel.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bipm.platform.kernel.eventstore.EventStore;
import org.bipm.platform.kernel.eventstore.Outbox;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed events from the outbox to the service's topic, oldest first.
 *
 * <ul>
 *   <li>One active relay per database: the relay holds a PostgreSQL advisory lock on its own
 *       connection; standby replicas retry until the holder's session ends.</li>
 *   <li>Low latency: it LISTENs for the notification every append sends at commit, and looks
 *       anyway every {@code pollInterval}.</li>
 *   <li>Nothing lost: an outbox row is deleted only after Kafka acknowledged its event
 *       (acks=all, idempotent producer). A crash between the two re-sends the event: delivery is
 *       at least once and consumers de-duplicate by event id.</li>
 * </ul>
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "select pg_try_advisory_lock(hashtext('outbox-relay'))";

    private final Supplier<Connection> connections;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String topic;
    private final String source;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration retryInterval;
    private final AtomicLong published = new AtomicLong();

    private volatile boolean running;
    private volatile boolean active;
    private Thread thread;

    public OutboxRelay(Supplier<Connection> connections, Supplier<Producer<String, byte[]>> producers, Outbox outbox,
                       ObjectMapper json, String topic, String source, int batchSize,
                       Duration pollInterval, Duration retryInterval) {
        this.connections = connections;
        this.producers = producers;
        this.outbox = outbox;
        this.json = json;
        this.topic = topic;
        this.source = source;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.retryInterval = retryInterval;
    }

    public synchronized void start(String name) {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(pollInterval.plus(retryInterval).plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while this relay holds the lock and publishes. */
    public boolean active() {
        return active;
    }

    public long published() {
        return published.get();
    }

    private void run() {
        while (running) {
            Producer<String, byte[]> producer = null;
            try (Connection connection = connections.get()) {
                connection.setAutoCommit(true);
                if (!tryLock(connection)) {
                    pause(retryInterval);
                    continue;
                }
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + EventStore.OUTBOX_CHANNEL);
                }
                active = true;
                LOG.infof("outbox relay active, publishing to %s", topic);
                producer = producers.get();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    int sent = relayBatch(connection, producer);
                    if (sent < batchSize) {
                        notifications.getNotifications((int) pollInterval.toMillis());
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("outbox relay paused (%s); retrying in %s", e.toString(), retryInterval);
                    pause(retryInterval);
                }
            } finally {
                active = false;
                if (producer != null) {
                    producer.close(Duration.ofSeconds(5));
                }
            }
        }
    }

    /**
     * Sends the oldest pending events, waits for every answer, and marks what Kafka acknowledged,
     * except an event that follows a failed one of its own stream (it is sent again after it, in
     * order). Waiting for every answer before marking matters: an event Kafka acknowledged late, or
     * for another stream than a failed one, is not sent twice. Returns how many were read.
     */
    private int relayBatch(Connection connection, Producer<String, byte[]> producer) throws Exception {
        List<RecordedEvent> pending = outbox.pending(connection, batchSize);
        if (pending.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        for (RecordedEvent event : pending) {
            acks.add(producer.send(CloudEvents.toRecord(topic, source, event, json)));
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        Set<String> brokenStreams = new HashSet<>();
        Exception firstFailure = null;
        for (int i = 0; i < pending.size(); i++) {
            RecordedEvent event = pending.get(i);
            try {
                acks.get(i).get();
                if (!brokenStreams.contains(event.streamId())) {
                    acknowledged.add(event.position());
                }
            } catch (ExecutionException failed) {
                brokenStreams.add(event.streamId());
                firstFailure = firstFailure == null ? failed : firstFailure;
            }
        }
        outbox.markPublished(connection, acknowledged);
        published.addAndGet(acknowledged.size());
        if (firstFailure != null) {
            throw firstFailure;
        }
        return pending.size();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
