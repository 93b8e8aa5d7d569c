package org.bipm.membership.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bipm.membership.domain.Category;
import org.bipm.membership.domain.Status;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/** The effective-dated read model of participants: written with each fact, queried as of any date. */
@ApplicationScoped
public class ParticipantSnapshots {

    /** Each participant's latest row as of a date; the date parameter may be null (= no limit). */
    private static final String LATEST = """
            select distinct on (code) code, category, status, rmo, participant
            from participant_snapshots
            where effective_date <= coalesce(?::date, 'infinity'::date)
            order by code, version desc""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ParticipantSnapshots(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Optional filters of the participant list; a null field does not filter. */
    public record Filter(Category category, Rmo rmo, Status status) {
    }

    /** Records the participant's state after the fact of {@code version}, in the transaction of the write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long version, LocalDate effectiveDate, ParticipantView participant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into participant_snapshots (code, version, effective_date, category, status, rmo, participant)
                     values (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            insert.setString(1, participant.code());
            insert.setLong(2, version);
            insert.setDate(3, Date.valueOf(effectiveDate));
            insert.setString(4, participant.category().name());
            insert.setString(5, participant.status().name());
            insert.setString(6, participant.rmo() == null ? null : participant.rmo().name());
            insert.setString(7, json.writeValueAsString(participant));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreFailure("projecting " + participant.code() + " failed", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ParticipantView> list(LocalDate asOf, Filter filter) {
        StringBuilder sql = new StringBuilder("select participant from (" + LATEST + ") latest where true");
        List<String> values = new ArrayList<>();
        if (filter.category() != null) {
            sql.append(" and category = ?");
            values.add(filter.category().name());
        }
        if (filter.rmo() != null) {
            sql.append(" and rmo = ?");
            values.add(filter.rmo().name());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            values.add(filter.status().name());
        }
        sql.append(" order by code");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            setDate(query, 1, asOf);
            for (int i = 0; i < values.size(); i++) {
                query.setString(i + 2, values.get(i));
            }
            List<ParticipantView> participants = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    participants.add(json.readValue(rows.getString(1), ParticipantView.class));
                }
            }
            return participants;
        } catch (SQLException e) {
            throw new EventStoreFailure("listing participants failed", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MembershipSummary summary(LocalDate asOf) {
        Map<Category, Long> byCategory = zeros(Category.class);
        Map<Rmo, Long> byRmo = zeros(Rmo.class);
        Map<Status, Long> byStatus = zeros(Status.class);
        long withoutRmo = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select category, status, rmo, count(*) from (" + LATEST + ") latest group by category, status, rmo")) {
            setDate(query, 1, asOf);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Status status = Status.valueOf(rows.getString(2));
                    long count = rows.getLong(4);
                    byStatus.merge(status, count, Long::sum);
                    if (status.participating()) {
                        byCategory.merge(Category.valueOf(rows.getString(1)), count, Long::sum);
                        String rmo = rows.getString(3);
                        if (rmo == null) {
                            withoutRmo += count;
                        } else {
                            byRmo.merge(Rmo.valueOf(rmo), count, Long::sum);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("summarizing membership failed", e);
        }
        long memberStates = byCategory.get(Category.MEMBER_STATE);
        long associates = byCategory.get(Category.ASSOCIATE_STATE) + byCategory.get(Category.ASSOCIATE_ECONOMY);
        return new MembershipSummary(asOf, memberStates, associates, byCategory, byRmo, withoutRmo, byStatus);
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        statement.setDate(index, date == null ? null : Date.valueOf(date));
    }

    private static <K extends Enum<K>> Map<K, Long> zeros(Class<K> type) {
        Map<K, Long> counts = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            counts.put(key, 0L);
        }
        return counts;
    }
}
