package org.bipm.gateway.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/** The questions the gateway's read APIs ask of the live read models; "as of" always means by effective date. */
@ApplicationScoped
public class ReadModels {

    private static final String PARTICIPATING = "status in ('ACTIVE', 'SUSPENDED')";
    private static final String PARTICIPATED = "outcome in ('ACCEPTED', 'COMPLETED')";
    /** The participants as they stood on a date: their latest fact dated on or before it. */
    private static final String MEMBERSHIP_AS_OF = "select distinct on (code) * from {s}.membership_facts "
            + "where effective_date <= ? order by code, effective_date desc, version desc";
    private static final String LIAISONS_AS_OF = "select distinct on (liaison_id) * from {s}.liaison_facts "
            + "where effective_date <= ? order by liaison_id, effective_date desc, version desc";

    private final DataSource dataSource;

    public ReadModels(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Membership(String code, String name, String category, String status, String rmo, LocalDate since) {
    }

    public record Fact(LocalDate effectiveDate, String type, String category, String status, String rmo) {
    }

    public record Participations(String activityId, String title, String activityType, Integer year, long participations) {
    }

    public record Celebration(int year, int celebrationId, String organizer, String country, String city, boolean online, LocalDate date) {
    }

    public record CountryProfile(String code, LocalDate asOf, Membership membership, List<Fact> history,
                                 long cbktParticipations, List<Participations> cbkt, List<Celebration> celebrationsHosted) {
    }

    public record RmoCount(String rmo, long memberStates, long associates) {
    }

    public record MembershipSummary(long memberStates, long associates, Map<String, Long> byCategory, List<RmoCount> byRmo) {
    }

    public record MembershipPoint(LocalDate date, long memberStates, long associates) {
    }

    public record Liaison(String id, String partner, String kind, String subject, String status, LocalDate reviewDue) {
    }

    public record LiaisonSummary(Map<String, Long> byKind, Map<String, Long> byStatus, List<Liaison> dueForReview) {
    }

    public record RmoYear(String rmo, int year, long participations) {
    }

    public record CbktSummary(long participations, long distinctCountries, List<String> rmosCovered, List<RmoYear> byRmoAndYear) {
    }

    public record Edition(int year, String theme, boolean published, List<String> translations, long celebrations,
                          Map<String, Long> celebrationsByCountry) {
    }

    public record WmdSummary(Edition currentEdition, List<Edition> editions) {
    }

    public record Dashboard(LocalDate asOf, MembershipSummary membership, List<MembershipPoint> membershipOverTime,
                            LiaisonSummary liaisons, CbktSummary cbkt, WmdSummary worldMetrologyDay) {
    }

    public record ActivityPage(int page, int size, long total, List<ActivityItem> items) {
    }

    public List<Membership> countries(LocalDate asOf) {
        return read(t -> t.list(MEMBERSHIP_AS_OF, ReadModels::membership, asOf));
    }

    public Optional<CountryProfile> country(String code, LocalDate asOf) {
        return read(t -> {
            Optional<Membership> membership = t.one("select * from (" + MEMBERSHIP_AS_OF + ") m where code = ?",
                    ReadModels::membership, asOf, code);
            List<Fact> history = t.list("select * from {s}.membership_facts where code = ? and effective_date <= ? "
                            + "order by effective_date, version",
                    row -> new Fact(Tables.date(row, "effective_date"), row.getString("event_type"), row.getString("category"),
                            row.getString("status"), row.getString("rmo")), code, asOf);
            List<Participations> cbkt = t.list("select a.activity_id, act.title, act.activity_type, act.year, count(*) n "
                            + "from {s}.cbkt_applications a left join {s}.cbkt_activities act using (activity_id) "
                            + "where a.country = ? and a.effective_date <= ? and " + PARTICIPATED
                            + " group by a.activity_id, act.title, act.activity_type, act.year order by act.year, a.activity_id",
                    row -> new Participations(row.getString("activity_id"), row.getString("title"), row.getString("activity_type"),
                            (Integer) row.getObject("year"), row.getLong("n")), code, asOf);
            List<Celebration> celebrations = t.list("select * from {s}.wmd_celebrations where country = ? and "
                    + celebrationStanding() + " order by year, celebration_id", ReadModels::celebration, code, asOf, asOf);
            if (membership.isEmpty() && history.isEmpty() && cbkt.isEmpty() && celebrations.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CountryProfile(code, asOf, membership.orElse(null), history,
                    cbkt.stream().mapToLong(Participations::participations).sum(), cbkt, celebrations));
        });
    }

    public Dashboard dashboard(LocalDate asOf, Period reviewWithin) {
        return read(t -> new Dashboard(asOf, membership(t, asOf), membershipOverTime(t, asOf), liaisons(t, asOf, reviewWithin),
                cbkt(t, asOf), wmd(t, asOf)));
    }

    public ActivityPage activity(String service, String type, String country, int page, int size) {
        String where = " where (?::text is null or service = ?) and (?::text is null or type = ?) and (?::text is null or country = ?)";
        Object[] filter = {service, service, type, type, country, country};
        return read(t -> {
            long total = t.one("select count(*) from {s}.activity" + where, row -> row.getLong(1), filter).orElse(0L);
            Object[] paged = new Object[filter.length + 2];
            System.arraycopy(filter, 0, paged, 0, filter.length);
            paged[filter.length] = size;
            paged[filter.length + 1] = (long) page * size;
            List<ActivityItem> items = t.list("select * from {s}.activity" + where
                    + " order by recorded_at desc, event_id limit ? offset ?", ReadModels::activityItem, paged);
            return new ActivityPage(page, size, total, items);
        });
    }

    private static MembershipSummary membership(Tables t, LocalDate asOf) {
        Map<String, Long> byCategory = counts(t, "select category, count(*) from (" + MEMBERSHIP_AS_OF + ") m where "
                + PARTICIPATING + " group by category order by category", asOf);
        List<RmoCount> byRmo = t.list("select rmo, count(*) filter (where category = 'MEMBER_STATE') ms, "
                + "count(*) filter (where category <> 'MEMBER_STATE') assoc from (" + MEMBERSHIP_AS_OF + ") m where "
                + PARTICIPATING + " and rmo is not null group by rmo order by rmo",
                row -> new RmoCount(row.getString("rmo"), row.getLong("ms"), row.getLong("assoc")), asOf);
        long memberStates = byCategory.getOrDefault("MEMBER_STATE", 0L);
        long associates = byCategory.values().stream().mapToLong(Long::longValue).sum() - memberStates;
        return new MembershipSummary(memberStates, associates, byCategory, byRmo);
    }

    /** The counts after each date on which membership changed. */
    private static List<MembershipPoint> membershipOverTime(Tables t, LocalDate asOf) {
        return t.list("select d.date, count(*) filter (where f.category = 'MEMBER_STATE') ms, "
                        + "count(*) filter (where f.category <> 'MEMBER_STATE') assoc "
                        + "from (select distinct effective_date date from {s}.membership_facts where effective_date <= ?) d "
                        + "cross join lateral (select distinct on (code) category, status from {s}.membership_facts m "
                        + "where m.effective_date <= d.date order by code, effective_date desc, version desc) f "
                        + "where f." + PARTICIPATING + " group by d.date order by d.date",
                row -> new MembershipPoint(Tables.date(row, "date"), row.getLong("ms"), row.getLong("assoc")), asOf);
    }

    private static LiaisonSummary liaisons(Tables t, LocalDate asOf, Period reviewWithin) {
        Map<String, Long> byKind = counts(t, "select kind, count(*) from (" + LIAISONS_AS_OF + ") l group by kind order by kind", asOf);
        Map<String, Long> byStatus = counts(t, "select status, count(*) from (" + LIAISONS_AS_OF + ") l "
                + "where status is not null group by status order by status", asOf);
        List<Liaison> due = t.list("select * from (" + LIAISONS_AS_OF + ") l where status not in ('TERMINATED', 'EXPIRED') "
                        + "and review_due <= ? order by review_due, liaison_id",
                row -> new Liaison(row.getString("liaison_id"), row.getString("partner"), row.getString("kind"),
                        row.getString("subject"), row.getString("status"), Tables.date(row, "review_due")),
                asOf, asOf.plus(reviewWithin));
        return new LiaisonSummary(byKind, byStatus, due);
    }

    private static CbktSummary cbkt(Tables t, LocalDate asOf) {
        String counted = " from {s}.cbkt_applications a left join {s}.cbkt_activities act using (activity_id) "
                + "where a.effective_date <= ? and a." + PARTICIPATED;
        record Totals(long participations, long countries) {
        }
        Totals totals = t.one("select count(*), count(distinct a.country)" + counted,
                row -> new Totals(row.getLong(1), row.getLong(2)), asOf).orElseThrow();
        List<String> rmos = t.list("select distinct a.rmo" + counted + " and a.rmo is not null order by a.rmo",
                row -> row.getString(1), asOf);
        List<RmoYear> byRmoAndYear = t.list("select a.rmo, act.year, count(*) n" + counted
                        + " and a.rmo is not null and act.year is not null group by a.rmo, act.year order by act.year, a.rmo",
                row -> new RmoYear(row.getString("rmo"), row.getInt("year"), row.getLong("n")), asOf);
        return new CbktSummary(totals.participations(), totals.countries(), rmos, byRmoAndYear);
    }

    private static WmdSummary wmd(Tables t, LocalDate asOf) {
        List<Edition> editions = t.list("select * from {s}.wmd_editions where announced <= ? order by year",
                row -> edition(t, row, asOf), asOf);
        // the edition of asOf's year, else the last one before it
        Edition current = editions.stream().filter(e -> e.year() <= asOf.getYear()).reduce((a, b) -> b).orElse(null);
        return new WmdSummary(current, editions);
    }

    private static Edition edition(Tables t, ResultSet row, LocalDate asOf) throws SQLException {
        int year = row.getInt("year");
        List<String> translations = t.list("select language from {s}.wmd_translations where year = ? and effective_date <= ? "
                + "order by language", r -> r.getString(1), year, asOf);
        Map<String, Long> byCountry = counts(t, "select coalesce(country, 'online'), count(*) from {s}.wmd_celebrations "
                + "where year = ? and " + celebrationStanding() + " group by 1 order by 2 desc, 1", year, asOf, asOf);
        return new Edition(year, row.getString("theme"), row.getBoolean("published"), translations,
                byCountry.values().stream().mapToLong(Long::longValue).sum(), byCountry);
    }

    private static String celebrationStanding() {
        return "registered <= ? and (cancelled is null or cancelled > ?)";
    }

    private static Map<String, Long> counts(Tables t, String sql, Object... args) {
        Map<String, Long> counts = new LinkedHashMap<>();
        t.list(sql, row -> counts.put(row.getString(1), row.getLong(2)), args);
        return counts;
    }

    private static Membership membership(ResultSet row) throws SQLException {
        return new Membership(row.getString("code"), row.getString("name"), row.getString("category"),
                row.getString("status"), row.getString("rmo"), Tables.date(row, "effective_date"));
    }

    private static Celebration celebration(ResultSet row) throws SQLException {
        return new Celebration(row.getInt("year"), row.getInt("celebration_id"), row.getString("organizer"),
                row.getString("country"), row.getString("city"), row.getBoolean("online"), Tables.date(row, "date"));
    }

    static ActivityItem activityItem(ResultSet row) throws SQLException {
        return new ActivityItem(row.getObject("event_id", UUID.class), row.getString("service"), row.getString("type"),
                row.getString("stream_id"), row.getLong("version"), row.getString("country"), Tables.date(row, "effective_date"),
                row.getTimestamp("recorded_at").toInstant(), row.getString("summary"));
    }

    private <T> T read(Function<Tables, T> query) {
        try (Connection connection = dataSource.getConnection()) {
            return query.apply(new Tables(connection, Tables.LIVE));
        } catch (SQLException e) {
            throw new IllegalStateException("the read models cannot be reached", e);
        }
    }
}
