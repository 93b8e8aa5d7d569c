package org.bipm.wmd.projection;

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
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.wmd.domain.FactDate;

/**
 * The public views of World Metrology Day. Without {@code asOf} they show the latest facts;
 * with it, what was in effect on that date (an edition's latest snapshot on or before it,
 * celebrations registered by then, cancelled only if cancelled by then).
 */
@ApplicationScoped
public class EditionQueries {

    /** The effective date that stands for "now": every fact took effect on or before it. */
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final String CELEBRATION_COLUMNS = """
            year, celebration_id, title, organizer, country_code, city, online, celebration_date,
            registered_on, registered_precision, cancelled_on, cancelled_precision, cancellation_reason""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public EditionQueries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Every edition, by year. */
    public List<EditionSummary> editions(LocalDate asOf) {
        return query("""
                        select distinct on (year) summary from edition_snapshots
                        where effective_date <= ? order by year, version desc""",
                List.of(Date.valueOf(orLatest(asOf))), this::summary);
    }

    public Optional<EditionSummary> edition(int year, LocalDate asOf) {
        return query("""
                        select summary from edition_snapshots
                        where year = ? and effective_date <= ? order by version desc limit 1""",
                List.of(year, Date.valueOf(orLatest(asOf))), this::summary).stream().findFirst();
    }

    /** The edition's celebrations by date, optionally in one country. */
    public Page<CelebrationView> celebrations(int year, String countryCode, LocalDate asOf, int page, int size) {
        LocalDate on = orLatest(asOf);
        String where = "year = ? and registered_on <= ?" + (countryCode == null ? "" : " and country_code = ?");
        List<Object> parameters = new ArrayList<>(List.of(year, Date.valueOf(on)));
        if (countryCode != null) {
            parameters.add(countryCode);
        }
        return page(where, parameters, "celebration_date, celebration_id", on, page, size);
    }

    /** How many celebrations each country hosts in the edition (cancelled ones not counted), most first. */
    public List<CountryCount> countsByCountry(int year, LocalDate asOf) {
        Date on = Date.valueOf(orLatest(asOf));
        return query("""
                        select country_code, count(*) from celebrations
                        where year = ? and registered_on <= ? and (cancelled_on is null or cancelled_on > ?)
                        group by country_code order by count(*) desc, country_code""",
                List.of(year, on, on), rows -> new CountryCount(rows.getString(1), rows.getLong(2)));
    }

    public Optional<CelebrationView> celebration(int year, int id) {
        return query("select " + CELEBRATION_COLUMNS + " from celebrations where year = ? and celebration_id = ?",
                List.of(year, id), rows -> celebration(rows, LATEST)).stream().findFirst();
    }

    /** Celebrations of every edition taking place between two dates (inclusive), cancelled ones left out. */
    public Page<CelebrationView> calendar(LocalDate from, LocalDate to, String countryCode, int page, int size) {
        String where = "celebration_date between ? and ? and cancelled_on is null"
                + (countryCode == null ? "" : " and country_code = ?");
        List<Object> parameters = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (countryCode != null) {
            parameters.add(countryCode);
        }
        return page(where, parameters, "celebration_date, year, celebration_id", LATEST, page, size);
    }

    private Page<CelebrationView> page(String where, List<Object> parameters, String order, LocalDate on,
                                       int page, int size) {
        long total = query("select count(*) from celebrations where " + where, parameters, rows -> rows.getLong(1)).getFirst();
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(size);
        paged.add((long) page * size);
        List<CelebrationView> items = query("select " + CELEBRATION_COLUMNS + " from celebrations where " + where
                + " order by " + order + " limit ? offset ?", paged, rows -> celebration(rows, on));
        return new Page<>(items, page, size, total);
    }

    private static CelebrationView celebration(ResultSet rows, LocalDate on) throws SQLException {
        FactDate cancelled = factDate(rows.getDate("cancelled_on"), rows.getString("cancelled_precision"));
        if (cancelled != null && cancelled.date().isAfter(on)) {
            cancelled = null;
        }
        return new CelebrationView(rows.getInt("year"), rows.getInt("celebration_id"), rows.getString("title"),
                rows.getString("organizer"), rows.getString("country_code"), rows.getString("city"),
                rows.getBoolean("online"), rows.getDate("celebration_date").toLocalDate(),
                cancelled == null ? CelebrationView.Status.REGISTERED : CelebrationView.Status.CANCELLED,
                factDate(rows.getDate("registered_on"), rows.getString("registered_precision")),
                cancelled, cancelled == null ? null : rows.getString("cancellation_reason"));
    }

    private static FactDate factDate(Date date, String precision) {
        return date == null ? null : new FactDate(date.toLocalDate(), DatePrecision.valueOf(precision));
    }

    private EditionSummary summary(ResultSet rows) throws SQLException {
        try {
            return json.readValue(rows.getString(1), EditionSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an edition snapshot cannot be read", e);
        }
    }

    private static LocalDate orLatest(LocalDate asOf) {
        return asOf == null ? LATEST : asOf;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.read(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("reading World Metrology Day views failed", e);
        }
    }
}
