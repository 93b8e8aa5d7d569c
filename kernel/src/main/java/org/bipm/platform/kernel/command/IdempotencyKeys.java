package org.bipm.platform.kernel.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/** Receipts of writes that carried an Idempotency-Key, stored in the transaction of the write itself. */
@ApplicationScoped
public class IdempotencyKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public IdempotencyKeys(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * The first answer given for this key, if any.
     *
     * @throws Rejection when the key was used before for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WriteReceipt> find(String key, String fingerprint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select fingerprint, receipt from idempotency_keys where idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                if (!rows.getString(1).equals(fingerprint)) {
                    throw Rejection.invalid("idempotency-key-reused",
                            "Idempotency-Key '" + key + "' was already used for a different request");
                }
                return Optional.of(json.readValue(rows.getString(2), WriteReceipt.class).asReplay());
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new EventStoreFailure("reading idempotency key failed", e);
        }
    }

    /**
     * Remembers the answer for the key.
     *
     * @throws KeyTaken when a concurrent request with the same key committed first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, String fingerprint, WriteReceipt receipt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "insert into idempotency_keys (idempotency_key, fingerprint, receipt) values (?, ?, ?::jsonb)")) {
            statement.setString(1, key);
            statement.setString(2, fingerprint);
            statement.setString(3, json.writeValueAsString(receipt));
            statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new KeyTaken();
            }
            throw new EventStoreFailure("storing idempotency key failed", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another request with the same key won the race; the caller retries and finds its answer. */
    public static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("idempotency key taken concurrently", null, false, false);
        }
    }
}
