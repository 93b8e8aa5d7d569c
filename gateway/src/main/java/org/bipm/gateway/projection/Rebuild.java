package org.bipm.gateway.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.CloudEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds every read model from offset 0 of the four topics while the live ones keep serving:
 * the {@link Projector} fills a fresh schema ({@link Tables#NEXT}) from its own consumer (manual
 * assignment, no group), up to the end offsets seen at the start; then, holding the live tables
 * locked so no live write slips between, it reads up to the new end and swaps the schemas in one
 * transaction. Records the live consumers sent to the DLQ are skipped here too.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    public enum State { IDLE, RUNNING, SWITCHING, DONE, FAILED }

    public record Progress(State state, long done, long total, double eventsPerSecond, Long etaSeconds,
                           Instant startedAt, Instant finishedAt, String failure) {
    }

    private final Projector projector;
    private final int writers;
    private final CountryProfileCache profiles;
    private final ObjectMapper json;
    private final Map<String, Object> kafka;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;

    private volatile State state = State.IDLE;
    private volatile long done;
    private volatile long total;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String failure;
    private Instant lastReport = Instant.MIN;

    public Rebuild(Projector projector, CountryProfileCache profiles, ObjectMapper json,
                   @ConfigProperty(name = "gateway.rebuild.writers", defaultValue = "3") int writers,
                   @Identifier("default-kafka-broker") Map<String, Object> kafka,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                   @ConfigProperty(name = "quarkus.datasource.username") String username,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.projector = projector;
        this.writers = Math.max(1, writers);
        this.profiles = profiles;
        this.json = json;
        this.kafka = kafka;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Starts a rebuild in the background; one at a time per replica (the swap itself is safe against another). */
    public synchronized Progress start() {
        if (state == State.RUNNING || state == State.SWITCHING) {
            throw new Rejection("rebuild-running", "a rebuild is already running: " + progress().done() + " events done");
        }
        state = State.RUNNING;
        done = 0;
        total = 0;
        startedAt = Instant.now();
        finishedAt = null;
        failure = null;
        Thread.ofVirtual().name("read-model-rebuild").start(this::run);
        return progress();
    }

    public Progress progress() {
        Instant until = finishedAt != null ? finishedAt : Instant.now();
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        double rate = startedAt == null ? 0 : done / seconds;
        Long eta = state == State.RUNNING && rate > 0 ? Long.valueOf(Math.round((total - done) / rate)) : null;
        return new Progress(state, done, total, Math.round(rate * 10) / 10.0, eta, startedAt, finishedAt, failure);
    }

    private void run() {
        try (Session session = new Session(); KafkaConsumer<String, byte[]> consumer = consumer()) {
            // one rebuild at a time across replicas: the lock belongs to this session and ends with it
            if (!session.tables().one("select pg_try_advisory_lock(hashtext('gateway-read-model-rebuild'))",
                    row -> row.getBoolean(1)).orElse(false)) {
                throw new IllegalStateException("another gateway replica is rebuilding the read models");
            }
            session.execute("drop schema if exists " + Tables.NEXT + " cascade");
            session.execute("select gateway_create_read_model('" + Tables.NEXT + "')");
            session.commit();
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
            LOG.infof("read-model rebuild started: %d events on %d partitions", total, partitions.size());
            try (Writers writers = new Writers(this.writers)) {
                catchUp(consumer, writers, end);
                swap(consumer, writers, partitions, end);
            }
            profiles.clear(); // other replicas' caches expire within their time to live
            finishedAt = Instant.now();
            state = State.DONE;
            LOG.infof("read-model rebuild done: %d events in %s, now serving the rebuilt read models", done,
                    Duration.between(startedAt, finishedAt));
        } catch (Exception e) {
            failure = e.toString();
            finishedAt = Instant.now();
            state = State.FAILED;
            LOG.errorf(e, "read-model rebuild failed after %d events; the live read models are unchanged", done);
        }
    }

    /** Blocks live projection and reads while the last events are read and the schemas trade places. */
    private void swap(KafkaConsumer<String, byte[]> consumer, Writers writers, List<TopicPartition> partitions,
                      Map<TopicPartition, Long> seen) throws Exception {
        state = State.SWITCHING;
        try (Connection lock = connect()) {
            lock.setAutoCommit(false);
            List<String> live = new Tables(lock, Tables.LIVE).list(
                    "select tablename from pg_tables where schemaname = ?", row -> Tables.LIVE + "." + row.getString(1), Tables.LIVE);
            execute(lock, "lock table " + String.join(", ", live) + " in access exclusive mode");
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            total += partitions.stream().mapToLong(p -> end.get(p) - seen.get(p)).sum();
            catchUp(consumer, writers, end);
            execute(lock, "alter schema " + Tables.LIVE + " rename to read_model_old");
            execute(lock, "alter schema " + Tables.NEXT + " rename to " + Tables.LIVE);
            execute(lock, "drop schema read_model_old cascade");
            lock.commit();
        }
    }

    private void catchUp(KafkaConsumer<String, byte[]> consumer, Writers writers, Map<TopicPartition, Long> end) throws Exception {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
            writers.apply(batch);
            done += batch.size();
            report();
        }
    }

    /**
     * Several sessions apply a poll's records side by side, each the records of its own partitions:
     * a stream's events are all in one partition, in order, and no projection row is shared by two
     * streams' events, so the writers never touch the same rows. The poll's records are all applied
     * before the next poll.
     */
    private final class Writers implements AutoCloseable {

        private final List<Session> sessions = new ArrayList<>();
        private final ExecutorService pool;

        Writers(int count) throws SQLException {
            for (int i = 0; i < count; i++) {
                sessions.add(new Session());
            }
            pool = Executors.newFixedThreadPool(count, Thread.ofPlatform().name("rebuild-writer-", 0).daemon().factory());
        }

        void apply(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
            Map<Integer, List<ConsumerRecord<String, byte[]>>> byWriter = new java.util.HashMap<>();
            for (ConsumerRecord<String, byte[]> record : batch) {
                int writer = Math.floorMod(31 * record.topic().hashCode() + record.partition(), sessions.size());
                byWriter.computeIfAbsent(writer, w -> new ArrayList<>()).add(record);
            }
            List<Future<?>> running = new ArrayList<>();
            byWriter.forEach((writer, records) -> running.add(pool.submit(() -> {
                sessions.get(writer).apply(records);
                return null;
            })));
            for (Future<?> writer : running) {
                try {
                    writer.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }

        @Override
        public void close() throws SQLException {
            pool.shutdownNow();
            for (Session session : sessions) {
                session.close();
            }
        }
    }

    /**
     * The rebuild's own database session. A poll's records are applied in one transaction; a record
     * that cannot be read or applied is skipped, as the live consumer sent it to the DLQ. Records
     * are applied without a savepoint each (two round trips saved per event) and only a batch that
     * fails is applied again, record by record, each under its own savepoint. Commits do not wait
     * for the disk: an interrupted rebuild starts over anyway, and the swap's own commit makes
     * everything before it durable.
     */
    private final class Session implements AutoCloseable {

        private final Connection connection;
        private final Tables next;

        Session() throws SQLException {
            connection = connect();
            Rebuild.execute(connection, "set synchronous_commit = off");
            connection.setAutoCommit(false);
            next = new Tables(connection, Tables.NEXT);
        }

        Tables tables() {
            return next;
        }

        void execute(String sql) throws SQLException {
            Rebuild.execute(connection, sql);
        }

        void commit() throws SQLException {
            connection.commit();
        }

        void apply(List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
            try {
                for (ConsumerRecord<String, byte[]> record : batch) {
                    project(record);
                }
                connection.commit();
            } catch (RuntimeException refused) {
                connection.rollback();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    applyAlone(record);
                }
                connection.commit();
            }
        }

        private void applyAlone(ConsumerRecord<String, byte[]> record) throws SQLException {
            Savepoint before = connection.setSavepoint();
            try {
                project(record);
                connection.releaseSavepoint(before);
            } catch (RuntimeException refused) {
                connection.rollback(before);
                LOG.debugf("rebuild skips %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), refused.getMessage());
            }
        }

        private void project(ConsumerRecord<String, byte[]> record) {
            RecordedEvent event = TopicConsumers.UPCASTERS.upcast(CloudEvents.fromRecord(record, json));
            projector.project(next, Projector.serviceOf(record.topic()), event);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private void report() {
        if (Instant.now().isAfter(lastReport.plus(REPORT_EVERY))) {
            lastReport = Instant.now();
            Progress progress = progress();
            LOG.infof("read-model rebuild: %d/%d events, %.1f events/s, ETA %s s", progress.done(), progress.total(),
                    progress.eventsPerSecond(), progress.etaSeconds());
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Projector.TOPICS.values()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    /** The application's shared Kafka settings (bootstrap, TLS, SASL) with a group-less reader on top. */
    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new java.util.HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "3000",
                ConsumerConfig.CLIENT_ID_CONFIG, "gateway-rebuild"));
        return new KafkaConsumer<>(config);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password.orElse(null));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
