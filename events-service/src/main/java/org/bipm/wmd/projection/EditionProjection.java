package org.bipm.wmd.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.platform.kernel.command.EventSourcedCommands.Change;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;
import org.bipm.wmd.domain.Celebration;
import org.bipm.wmd.domain.Edition;
import org.bipm.wmd.domain.EditionEvent;
import org.bipm.wmd.domain.EditionEvent.CelebrationCancelled;
import org.bipm.wmd.domain.EditionEvent.CelebrationRegistered;
import org.bipm.wmd.domain.EditionEvent.CelebrationUpdated;

/** Keeps the read model in step with an edition's new facts, inside the transaction that appends them. */
@ApplicationScoped
public class EditionProjection {

    private static final String SNAPSHOT = """
            insert into edition_snapshots (stream_id, version, year, effective_date, summary)
            values (?, ?, ?, ?, ?::jsonb)""";
    private static final String CELEBRATION = """
            insert into celebrations (year, celebration_id, organizer, country_code, city, online, celebration_date,
                                      title, registered_on, registered_precision, cancelled_on, cancelled_precision,
                                      cancellation_reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (year, celebration_id) do update set
                organizer = excluded.organizer, country_code = excluded.country_code, city = excluded.city,
                online = excluded.online, celebration_date = excluded.celebration_date, title = excluded.title,
                cancelled_on = excluded.cancelled_on, cancelled_precision = excluded.cancelled_precision,
                cancellation_reason = excluded.cancellation_reason""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public EditionProjection(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String streamId, List<Change<Edition, EditionEvent>> changes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement snapshot = connection.prepareStatement(SNAPSHOT);
             PreparedStatement celebration = connection.prepareStatement(CELEBRATION)) {
            for (Change<Edition, EditionEvent> change : changes) {
                Edition.Announced edition = (Edition.Announced) change.stateAfter();
                snapshot.setString(1, streamId);
                snapshot.setLong(2, change.recorded().version());
                snapshot.setInt(3, edition.year());
                snapshot.setDate(4, Date.valueOf(change.recorded().effectiveDate()));
                snapshot.setString(5, json.writeValueAsString(EditionSummary.of(edition, change.recorded().version())));
                snapshot.addBatch();
                Integer touched = switch (change.event()) {
                    case CelebrationRegistered registered -> registered.celebrationId();
                    case CelebrationUpdated updated -> updated.celebrationId();
                    case CelebrationCancelled cancelled -> cancelled.celebrationId();
                    default -> null;
                };
                if (touched != null) {
                    bind(celebration, edition.year(), edition.celebration(touched).orElseThrow());
                    celebration.addBatch();
                }
            }
            snapshot.executeBatch();
            celebration.executeBatch();
        } catch (SQLException e) {
            throw new EventStoreFailure("projecting " + streamId + " failed", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edition " + streamId + " cannot be written as JSON", e);
        }
    }

    private static void bind(PreparedStatement statement, int year, Celebration celebration) throws SQLException {
        var details = celebration.details();
        statement.setInt(1, year);
        statement.setInt(2, celebration.id());
        statement.setString(3, details.organizer());
        statement.setString(4, details.countryCode());
        statement.setString(5, details.city());
        statement.setBoolean(6, details.online());
        statement.setDate(7, Date.valueOf(details.date()));
        statement.setString(8, details.title());
        statement.setDate(9, Date.valueOf(celebration.registered().date()));
        statement.setString(10, celebration.registered().precision().name());
        statement.setDate(11, celebration.isCancelled() ? Date.valueOf(celebration.cancelled().date()) : null);
        statement.setString(12, celebration.isCancelled() ? celebration.cancelled().precision().name() : null);
        statement.setString(13, celebration.cancellationReason());
    }
}
