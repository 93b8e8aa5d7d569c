package org.bipm.platform.kernel.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.platform.kernel.messaging.Notifications;

/**
 * The append-only event store on PostgreSQL. Appends happen inside the caller's transaction and
 * write the outbox entry of every event in that same transaction, so an event is published if and
 * only if it was committed.
 */
@ApplicationScoped
public class EventStore {

    /** Channel the outbox relay listens on; notified once the append has committed. */
    public static final String OUTBOX_CHANNEL = "outbox";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS =
            "position, event_id, stream_id, version, type, schema_version, effective_date, recorded_at, data, metadata";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final EventSchemas schemas;
    private final Notifications notifications;

    public EventStore(DataSource dataSource, ObjectMapper json, EventSchemas schemas, Notifications notifications) {
        this.dataSource = dataSource;
        this.json = json;
        this.schemas = schemas;
        this.notifications = notifications;
    }

    /**
     * Appends events to a stream that must be at {@code expectedVersion} (0 = the stream does not exist).
     *
     * @throws WrongExpectedVersion when the stream is at another version, including when a concurrent
     *                              append won the race: never two events with one version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecordedEvent> append(String streamId, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        events.forEach(schemas::check);
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            long actual = currentVersion(connection, streamId);
            if (actual != expectedVersion) {
                throw new WrongExpectedVersion(streamId, expectedVersion, "it is at version " + actual);
            }
            List<RecordedEvent> recorded = insertEvents(connection, streamId, expectedVersion, recordedAt, events);
            insertOutbox(connection, recorded);
            notifications.afterCommit(OUTBOX_CHANNEL, "");
            return recorded;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("events_stream_version_unique")) {
                throw new WrongExpectedVersion(streamId, expectedVersion, "a concurrent append won");
            }
            throw new EventStoreFailure("append to " + streamId + " failed", e);
        }
    }

    public List<RecordedEvent> readStream(String streamId) {
        return query("select " + COLUMNS + " from events where stream_id = ? order by version",
                statement -> statement.setString(1, streamId));
    }

    /** Committed events after {@code afterPosition}, in position order, at most {@code limit}. */
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        return query("select " + COLUMNS + " from events where position > ? order by position limit ?",
                statement -> {
                    statement.setLong(1, afterPosition);
                    statement.setInt(2, limit);
                });
    }

    public long currentVersion(String streamId) {
        try (Connection connection = dataSource.getConnection()) {
            return currentVersion(connection, streamId);
        } catch (SQLException e) {
            throw new EventStoreFailure("reading the version of " + streamId + " failed", e);
        }
    }

    private static long currentVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select coalesce(max(version), 0) from events where stream_id = ?")) {
            statement.setString(1, streamId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<RecordedEvent> insertEvents(Connection connection, String streamId, long expectedVersion,
                                             Instant recordedAt, List<NewEvent> events) throws SQLException {
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into events (event_id, stream_id, version, type, schema_version, effective_date, recorded_at, data, metadata)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                returning position""")) {
            long version = expectedVersion;
            for (NewEvent event : events) {
                version++;
                statement.setObject(1, event.eventId());
                statement.setString(2, streamId);
                statement.setLong(3, version);
                statement.setString(4, event.type());
                statement.setInt(5, event.schemaVersion());
                statement.setObject(6, event.effectiveDate());
                statement.setTimestamp(7, Timestamp.from(recordedAt));
                statement.setString(8, write(event.data()));
                statement.setString(9, write(event.metadata()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    recorded.add(new RecordedEvent(event.eventId(), streamId, version, event.type(), event.schemaVersion(),
                            event.effectiveDate(), recordedAt, event.data(), event.metadata(), rows.getLong(1)));
                }
            }
        }
        return recorded;
    }

    private static void insertOutbox(Connection connection, List<RecordedEvent> recorded) throws SQLException {
        Long[] positions = recorded.stream().map(RecordedEvent::position).toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into outbox (position) select unnest(?::bigint[])")) {
            statement.setArray(1, connection.createArrayOf("bigint", positions));
            statement.executeUpdate();
        }
    }

    private List<RecordedEvent> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<RecordedEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(read(rows));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("reading events failed", e);
        }
    }

    /** Maps a row selected with the store's column list; shared with the outbox relay. */
    RecordedEvent read(ResultSet row) throws SQLException {
        try {
            return new RecordedEvent(
                    row.getObject("event_id", java.util.UUID.class),
                    row.getString("stream_id"),
                    row.getLong("version"),
                    row.getString("type"),
                    row.getInt("schema_version"),
                    row.getObject("effective_date", java.time.LocalDate.class),
                    row.getTimestamp("recorded_at").toInstant(),
                    (ObjectNode) json.readTree(row.getString("data")),
                    json.readerFor(EventMetadata.class)
                            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .readValue(row.getString("metadata")),
                    row.getLong("position"));
        } catch (JsonProcessingException e) {
            throw new EventStoreFailure("event at position " + row.getLong("position") + " is not readable JSON", e);
        }
    }

    static String columns() {
        return COLUMNS;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serializable to JSON", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
