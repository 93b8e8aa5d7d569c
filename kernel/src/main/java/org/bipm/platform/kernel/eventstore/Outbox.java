package org.bipm.platform.kernel.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The outbox table as the relay sees it: what is waiting, in order, and marking what Kafka acknowledged. */
@ApplicationScoped
public class Outbox {

    private final EventStore store;

    public Outbox(EventStore store) {
        this.store = store;
    }

    /** The oldest unpublished events, in position order (which is per-stream version order). */
    public List<RecordedEvent> pending(Connection connection, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + prefixed() + " from outbox o join events e on e.position = o.position order by o.position limit ?")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<RecordedEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(store.read(rows));
                }
                return events;
            }
        }
    }

    public void markPublished(Connection connection, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("delete from outbox where position = any(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", positions.toArray(Long[]::new)));
            statement.executeUpdate();
        }
    }

    /** Number of unpublished events and the age in seconds of the oldest, for health and metrics. */
    public Backlog backlog(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*), coalesce(extract(epoch from now() - min(e.recorded_at)), 0)
                from outbox o join events e on e.position = o.position""");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Backlog(rows.getLong(1), rows.getDouble(2));
        }
    }

    public record Backlog(long events, double oldestAgeSeconds) {
    }

    private static String prefixed() {
        StringBuilder columns = new StringBuilder();
        for (String column : EventStore.columns().split(",\\s*")) {
            columns.append(columns.isEmpty() ? "" : ", ").append("e.").append(column);
        }
        return columns.toString();
    }
}
