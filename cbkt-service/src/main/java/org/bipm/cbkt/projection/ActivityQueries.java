package org.bipm.cbkt.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.bipm.cbkt.domain.Activity;
import org.bipm.cbkt.domain.ActivityDetails;
import org.bipm.cbkt.domain.ActivityType;
import org.bipm.cbkt.domain.Application.Standing;
import org.bipm.cbkt.domain.Capacity;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.cbkt.domain.FundingRefusal;
import org.bipm.cbkt.domain.Outcome;
import org.bipm.cbkt.domain.Schedule;
import org.bipm.cbkt.domain.WaitlistReason;
import org.bipm.cbkt.domain.WithdrawalReason;
import org.bipm.cbkt.projection.ActivityView.Counts;
import org.bipm.cbkt.projection.ActivityView.RmoCounts;
import org.bipm.platform.kernel.domain.Rmo;

/** The reads the API serves from the activities and enrolments tables. */
@ApplicationScoped
public class ActivityQueries {

    private static final String ACTIVITY_COLUMNS = """
            activity_id, version, status, details, schedule, capacity, created_on, created_precision,
            published_on, cancelled_on, cancellation_reason
            """;
    private static final String ENROLMENT_COLUMNS = """
            activity_id, application_id, person_ref, sealed_name, sealed_email, institute, country, rmo, funding_requested,
            country_eligible, outcome, waitlist_reason, funding_refusal, standing, funded, applied_on, accepted_on,
            promoted_on, withdrawn_on, withdrawal_reason, completed_on
            """;
    /** An enrolment's statistics year: the activity's start year, else the year of the application. */
    private static final String YEAR = "coalesce(extract(year from a.start_date), extract(year from e.applied_on))::int";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ActivityQueries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Activities by start date (undated ones last), optionally of one type, status or start year. */
    public List<ActivityView> activities(ActivityType type, Activity.Status status, Integer year) {
        List<ActivityView> activities = Sql.query(dataSource, "select " + ACTIVITY_COLUMNS + """
                         from activities
                        where (?::text is null or type = ?) and (?::text is null or status = ?)
                          and (?::int is null or extract(year from start_date) = ?)
                        order by start_date nulls last, activity_id""", this::activity,
                name(type), name(type), name(status), name(status), year, year);
        Map<String, Map<Rmo, long[]>> counts = counts(activities.stream().map(ActivityView::activityId).toArray(String[]::new));
        return activities.stream().map(a -> withCounts(a, counts.getOrDefault(a.activityId(), Map.of()))).toList();
    }

    public Optional<ActivityView> activity(String activityId) {
        return Sql.query(dataSource, "select " + ACTIVITY_COLUMNS + "from activities where activity_id = ?", this::activity, activityId)
                .stream().findFirst()
                .map(a -> withCounts(a, counts(new String[] {activityId}).getOrDefault(activityId, Map.of())));
    }

    public boolean exists(String activityId) {
        return !Sql.query(dataSource, "select 1 from activities where activity_id = ?", row -> true, activityId).isEmpty();
    }

    /** The activity's applications in application order, optionally of one standing. */
    public List<EnrolmentRow> enrolments(String activityId, Standing standing) {
        return Sql.query(dataSource, "select " + ENROLMENT_COLUMNS + """
                         from enrolments where activity_id = ? and (?::text is null or standing = ?)
                        order by application_id""", ActivityQueries::enrolment, activityId, name(standing), name(standing));
    }

    public Optional<EnrolmentRow> enrolment(String activityId, String applicationId) {
        return Sql.query(dataSource, "select " + ENROLMENT_COLUMNS + "from enrolments where activity_id = ? and application_id = ?",
                ActivityQueries::enrolment, activityId, applicationId).stream().findFirst();
    }

    /** The application whose outcome the activity's stream recorded at {@code version}. */
    public Optional<EnrolmentRow> decidedAt(String activityId, long version) {
        return Sql.query(dataSource, "select " + ENROLMENT_COLUMNS + "from enrolments where activity_id = ? and decided_version = ?",
                ActivityQueries::enrolment, activityId, version).stream().findFirst();
    }

    /** A person's applications, most recent first. */
    public List<EnrolmentRow> enrolmentsOf(String personRef) {
        return Sql.query(dataSource, "select " + ENROLMENT_COLUMNS
                        + "from enrolments where person_ref = ? order by applied_on desc, activity_id, application_id",
                ActivityQueries::enrolment, personRef);
    }

    public Statistics statistics(Integer year, ActivityType type) {
        String from = """
                from enrolments e join activities a on a.activity_id = e.activity_id
                where e.standing = 'ACCEPTED' and (?::int is null or %s = ?) and (?::text is null or a.type = ?)""".formatted(YEAR);
        Object[] filters = {year, year, name(type), name(type)};
        String measures = "count(*), count(e.completed_on), count(distinct e.country), count(distinct e.rmo)";
        List<Statistics.Line> lines = Sql.query(dataSource,
                "select a.type, " + YEAR + ", " + measures + "\n" + from + " group by 1, 2 order by 2 nulls last, 1",
                row -> new Statistics.Line(ActivityType.valueOf(row.getString(1)), row.getInt(2),
                        row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6)), filters);
        return Sql.query(dataSource, "select " + measures + "\n" + from,
                row -> new Statistics(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), lines), filters).getFirst();
    }

    /** Per activity and RMO: accepted, waitlisted, funded, withdrawn, completed. */
    private Map<String, Map<Rmo, long[]>> counts(String[] activityIds) {
        Map<String, Map<Rmo, long[]>> counts = new HashMap<>();
        Sql.query(dataSource, """
                        select activity_id, rmo,
                               count(*) filter (where standing = 'ACCEPTED'),
                               count(*) filter (where standing = 'WAITLISTED'),
                               count(*) filter (where standing = 'ACCEPTED' and funded),
                               count(*) filter (where standing = 'WITHDRAWN'),
                               count(completed_on)
                          from enrolments where activity_id = any(?) group by activity_id, rmo""",
                row -> counts.computeIfAbsent(row.getString(1), id -> new EnumMap<>(Rmo.class))
                        .put(Rmo.valueOf(row.getString(2)),
                                new long[] {row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7)}),
                (Object) activityIds);
        return counts;
    }

    private static ActivityView withCounts(ActivityView activity, Map<Rmo, long[]> perRmo) {
        long[] total = new long[5];
        Map<Rmo, RmoCounts> byRmo = new EnumMap<>(Rmo.class);
        Capacity capacity = activity.capacity();
        for (Rmo rmo : Rmo.values()) {
            long[] c = perRmo.getOrDefault(rmo, new long[5]);
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
            byRmo.put(rmo, new RmoCounts(c[0], c[1], c[2], left(capacity.seatsPerRmo(), c[0]), left(capacity.fundedSeatsPerRmo(), c[2])));
        }
        Counts counts = new Counts(total[0], total[1], total[2], total[3], total[4], left(capacity.totalSeats(), total[0]), byRmo);
        return new ActivityView(activity.activityId(), activity.title(), activity.type(), activity.delivery(), activity.programme(),
                activity.place(), activity.fee(), activity.source(), activity.schedule(), capacity, activity.status(),
                activity.createdOn(), activity.createdOnPrecision(), activity.publishedOn(), activity.cancelledOn(),
                activity.cancellationReason(), counts, activity.version());
    }

    private static Integer left(Integer limit, long taken) {
        return limit == null ? null : (int) Math.max(0, limit - taken);
    }

    private ActivityView activity(ResultSet row) throws SQLException {
        ActivityDetails details = read(row.getString("details"), ActivityDetails.class);
        return new ActivityView(row.getString("activity_id"), details.title(), details.type(), details.delivery(),
                details.programme(), details.place(), details.fee(), details.source(),
                read(row.getString("schedule"), Schedule.class), read(row.getString("capacity"), Capacity.class),
                Activity.Status.valueOf(row.getString("status")), row.getObject("created_on", LocalDate.class),
                DatePrecision.valueOf(row.getString("created_precision")), row.getObject("published_on", LocalDate.class),
                row.getObject("cancelled_on", LocalDate.class), row.getString("cancellation_reason"), null,
                row.getLong("version"));
    }

    private static EnrolmentRow enrolment(ResultSet row) throws SQLException {
        return new EnrolmentRow(row.getString("activity_id"), row.getString("application_id"), row.getString("person_ref"),
                row.getString("sealed_name"), row.getString("sealed_email"), row.getString("institute"), row.getString("country"),
                Rmo.valueOf(row.getString("rmo")), row.getBoolean("funding_requested"), row.getBoolean("country_eligible"),
                Outcome.valueOf(row.getString("outcome")), constant(WaitlistReason.class, row.getString("waitlist_reason")),
                constant(FundingRefusal.class, row.getString("funding_refusal")), Standing.valueOf(row.getString("standing")),
                row.getBoolean("funded"), row.getObject("applied_on", LocalDate.class), row.getObject("accepted_on", LocalDate.class),
                row.getObject("promoted_on", LocalDate.class), row.getObject("withdrawn_on", LocalDate.class),
                constant(WithdrawalReason.class, row.getString("withdrawal_reason")), row.getObject("completed_on", LocalDate.class));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in the read model", e);
        }
    }
}
