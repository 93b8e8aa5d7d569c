package org.bipm.gateway.projection;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One set of read-model tables: the live schema, or the fresh one a rebuild fills. SQL names the
 * tables as {@code {s}.table}; the schema is put in here, so the same statements serve both.
 */
public record Tables(Connection connection, String schema) {

    public static final String LIVE = "read_model";
    public static final String NEXT = "read_model_next";

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    public int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("read-model update failed: " + e.getMessage(), e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        return list(sql, row, args).stream().findFirst();
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.replace("{s}", schema));
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof LocalDate date ? Date.valueOf(date) : args[i];
            statement.setObject(i + 1, arg);
        }
        return statement;
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
