package org.bipm.liaison.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.bipm.liaison.domain.Liaison;
import org.bipm.liaison.domain.LiaisonKey;
import org.bipm.liaison.domain.LiaisonKind;
import org.bipm.liaison.domain.LiaisonStatus;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/** The questions the read models answer, each "as of" an effective date (null = everything recorded). */
@ApplicationScoped
public class LiaisonQueries {

    /** Per liaison, its latest snapshot (as of the date given as the first parameter, when one is). */
    private static final String LATEST = """
            select distinct on (liaison_id) liaison_id, version, partner, kind, status, review_due, liaison
            from liaison_snapshots %s order by liaison_id, version desc""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public LiaisonQueries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The id of the active liaison with this identity, if there is one. */
    public Optional<String> activeLiaison(LiaisonKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select liaison_id from active_liaisons where partner = ? and kind = ? and subject_key = ?")) {
            select.setString(1, key.partner());
            select.setString(2, key.kind().name());
            select.setString(3, key.subjectKey());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("reading active liaisons failed", e);
        }
    }

    /** Liaisons as of {@code asOf}, filtered by whichever of partner, kind and status are given. */
    public List<LiaisonRow> liaisons(LocalDate asOf, String partner, LiaisonKind kind, LiaisonStatus status) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (partner != null) {
            conditions.add("partner = ?");
            values.add(partner);
        }
        if (kind != null) {
            conditions.add("kind = ?");
            values.add(kind.name());
        }
        if (status != null) {
            conditions.add("status = ?");
            values.add(status.name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return select(asOf, where + " order by partner, kind, liaison_id", values);
    }

    /** In force as of {@code asOf} with a review date on or before {@code until}, overdue ones included. */
    public List<LiaisonRow> dueForReview(LocalDate asOf, LocalDate until) {
        return select(asOf, " where status = 'IN_FORCE' and review_due <= ? order by review_due, liaison_id",
                List.of(Date.valueOf(until)));
    }

    /** Partners that lead a liaison as of {@code asOf}, each with the active liaisons it leads or signed. */
    public List<PartnerRow> partners(LocalDate asOf) {
        List<LiaisonRow> liaisons = liaisons(asOf, null, null, null);
        Map<String, String> names = partnerNames();
        List<PartnerRow> partners = new ArrayList<>();
        liaisons.stream().map(row -> row.liaison().partner().acronym()).distinct().sorted().forEach(acronym ->
                partners.add(new PartnerRow(acronym, names.get(acronym), liaisons.stream()
                        .filter(row -> row.liaison().status().active() && concerns(row.liaison(), acronym))
                        .toList())));
        return partners;
    }

    private static boolean concerns(Liaison liaison, String acronym) {
        return liaison.partner().acronym().equals(acronym)
                || liaison.formalization() != null && liaison.formalization().signatories().contains(acronym);
    }

    private Map<String, String> partnerNames() {
        Map<String, String> names = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select acronym, full_name from partners");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
            return names;
        } catch (SQLException e) {
            throw new EventStoreFailure("reading partners failed", e);
        }
    }

    private List<LiaisonRow> select(LocalDate asOf, String filter, List<Object> values) {
        String latest = LATEST.formatted(asOf == null ? "" : "where effective_date <= ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select * from (" + latest + ") latest" + filter)) {
            int index = 1;
            if (asOf != null) {
                select.setDate(index++, Date.valueOf(asOf));
            }
            for (Object value : values) {
                select.setObject(index++, value);
            }
            List<LiaisonRow> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new LiaisonRow(rows.getString("liaison_id"), rows.getLong("version"),
                            json.readValue(rows.getString("liaison"), Liaison.class)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new EventStoreFailure("reading liaisons failed", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a liaison snapshot cannot be read", e);
        }
    }
}
