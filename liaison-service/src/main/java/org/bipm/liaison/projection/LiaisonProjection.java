package org.bipm.liaison.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.bipm.liaison.domain.Liaison;
import org.bipm.liaison.domain.LiaisonEvent;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonEnded;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonProposed;
import org.bipm.liaison.domain.LiaisonKey;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/** Writes the read models of one appended liaison fact, inside the transaction of the write. */
@ApplicationScoped
public class LiaisonProjection {

    private final DataSource dataSource;
    private final ObjectMapper json;

    public LiaisonProjection(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @throws Rejection {@code duplicate-active-liaison} when another stream holds an active
     *                   liaison with the same partner, kind and subject (the write rolls back)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String liaisonId, long version, LiaisonEvent event, Liaison after) {
        try (Connection connection = dataSource.getConnection()) {
            snapshot(connection, liaisonId, version, event, after);
            switch (event) {
                case LiaisonProposed proposed -> {
                    upsertPartner(connection, after);
                    claimIdentity(connection, liaisonId, proposed);
                }
                case LiaisonEnded ended -> update(connection, "delete from active_liaisons where liaison_id = ?", liaisonId);
                default -> {
                    // other facts change only the snapshot
                }
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("writing the liaison read model failed", e);
        }
    }

    private void snapshot(Connection connection, String liaisonId, long version, LiaisonEvent event, Liaison after)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into liaison_snapshots (liaison_id, version, effective_date, partner, kind, status, review_due, liaison)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            insert.setString(1, liaisonId);
            insert.setLong(2, version);
            insert.setDate(3, Date.valueOf(event.effectiveDate()));
            insert.setString(4, after.partner().acronym());
            insert.setString(5, after.kind().name());
            insert.setString(6, after.status().name());
            insert.setDate(7, after.reviewDue() == null ? null : Date.valueOf(after.reviewDue()));
            insert.setString(8, toJson(after));
            insert.executeUpdate();
        }
    }

    private static void upsertPartner(Connection connection, Liaison liaison) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into partners (acronym, full_name) values (?, ?)
                on conflict (acronym) do update set full_name = excluded.full_name""")) {
            upsert.setString(1, liaison.partner().acronym());
            upsert.setString(2, liaison.partner().fullName());
            upsert.executeUpdate();
        }
    }

    /** "on conflict do nothing" rather than a unique violation: the transaction stays usable and the answer is a 409. */
    private static void claimIdentity(Connection connection, String liaisonId, LiaisonProposed proposed) throws SQLException {
        LiaisonKey key = LiaisonKey.of(proposed.partner().acronym(), proposed.kind(), proposed.subject());
        int claimed;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into active_liaisons (partner, kind, subject_key, liaison_id) values (?, ?, ?, ?)
                on conflict do nothing""")) {
            insert.setString(1, key.partner());
            insert.setString(2, key.kind().name());
            insert.setString(3, key.subjectKey());
            insert.setString(4, liaisonId);
            claimed = insert.executeUpdate();
        }
        if (claimed == 0) {
            throw new Rejection("duplicate-active-liaison", "an active liaison with " + key.partner() + " of kind "
                    + key.kind() + " on '" + proposed.subject() + "' already exists");
        }
    }

    private static void update(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.executeUpdate();
        }
    }

    private String toJson(Liaison liaison) {
        try {
            return json.writeValueAsString(liaison);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("liaison cannot be written as JSON", e);
        }
    }
}
