package org.bipm.cbkt.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/**
 * Plain JDBC for the read models, one statement per call (inside a transaction the pool hands out the
 * transaction's connection). Enums are written by name, {@code String[]} as a text array.
 */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static int update(DataSource dataSource, String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreFailure("updating the cbkt read model failed", e);
        }
    }

    static <T> List<T> query(DataSource dataSource, String sql, Row<T> mapper, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, values);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new EventStoreFailure("reading the cbkt read model failed", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
