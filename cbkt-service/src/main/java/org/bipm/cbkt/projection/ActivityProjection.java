package org.bipm.cbkt.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.cbkt.domain.Activity;
import org.bipm.cbkt.domain.ActivityEvent;
import org.bipm.cbkt.domain.ActivityEvent.ActivityCancelled;
import org.bipm.cbkt.domain.ActivityEvent.ActivityCreated;
import org.bipm.cbkt.domain.ActivityEvent.ActivityPublished;
import org.bipm.cbkt.domain.ActivityEvent.ActivityRescheduled;
import org.bipm.cbkt.domain.ActivityEvent.ApplicationAccepted;
import org.bipm.cbkt.domain.ActivityEvent.ApplicationAcceptedWithoutFunding;
import org.bipm.cbkt.domain.ActivityEvent.ApplicationPromoted;
import org.bipm.cbkt.domain.ActivityEvent.ApplicationWaitlisted;
import org.bipm.cbkt.domain.ActivityEvent.ApplicationWithdrawn;
import org.bipm.cbkt.domain.ActivityEvent.CompletionRecorded;
import org.bipm.cbkt.domain.Application.Standing;
import org.bipm.cbkt.domain.FundingRefusal;
import org.bipm.cbkt.domain.Nomination;
import org.bipm.cbkt.domain.Outcome;
import org.bipm.cbkt.domain.WaitlistReason;
import org.bipm.platform.kernel.command.EventSourcedCommands.Change;

/**
 * Keeps the activities and enrolments tables in step with the activity streams, inside each write's
 * transaction (so a read never disagrees with the store). Enrolments keep only the ciphertext of names
 * and e-mails, as the events carry it.
 */
@ApplicationScoped
public class ActivityProjection {

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ActivityProjection(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String activityId, List<Change<Activity, ActivityEvent>> changes) {
        for (Change<Activity, ActivityEvent> change : changes) {
            LocalDate on = change.event().effectiveDate();
            switch (change.event()) {
                case ActivityCreated created -> Sql.update(dataSource, """
                                insert into activities (activity_id, version, status, type, start_date, details, schedule, capacity,
                                                        created_on, created_precision)
                                values (?, 0, 'DRAFT', ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)""",
                        activityId, created.details().type(), created.schedule().startDate(), write(created.details()),
                        write(created.schedule()), write(created.capacity()), on, created.datePrecision());
                case ActivityPublished ignored -> Sql.update(dataSource,
                        "update activities set published_on = ? where activity_id = ?", on, activityId);
                case ActivityRescheduled rescheduled -> Sql.update(dataSource,
                        "update activities set schedule = ?::jsonb, start_date = ? where activity_id = ?",
                        write(rescheduled.schedule()), rescheduled.schedule().startDate(), activityId);
                case ActivityCancelled cancelled -> Sql.update(dataSource,
                        "update activities set cancelled_on = ?, cancellation_reason = ? where activity_id = ?",
                        on, cancelled.reason(), activityId);
                case ApplicationAccepted accepted -> insert(activityId, change.recorded().version(), accepted.applicationId(),
                        accepted.nomination(), Outcome.ACCEPTED, null, null, accepted.funded(), on);
                case ApplicationAcceptedWithoutFunding accepted -> insert(activityId, change.recorded().version(),
                        accepted.applicationId(), accepted.nomination(), Outcome.ACCEPTED_WITHOUT_FUNDING, null, accepted.reason(),
                        false, on);
                case ApplicationWaitlisted waitlisted -> insert(activityId, change.recorded().version(), waitlisted.applicationId(),
                        waitlisted.nomination(), Outcome.WAITLISTED, waitlisted.reason(), null, false, on);
                case ApplicationPromoted promoted -> Sql.update(dataSource, """
                                update enrolments set standing = 'ACCEPTED', funded = ?, funding_refusal = ?, accepted_on = ?, promoted_on = ?
                                where activity_id = ? and application_id = ?""",
                        promoted.funded(), promoted.fundingRefusal(), on, on, activityId, promoted.applicationId());
                case ApplicationWithdrawn withdrawn -> Sql.update(dataSource, """
                                update enrolments set standing = 'WITHDRAWN', funded = false, withdrawn_on = ?, withdrawal_reason = ?
                                where activity_id = ? and application_id = ?""",
                        on, withdrawn.reason(), activityId, withdrawn.applicationId());
                case CompletionRecorded completed -> Sql.update(dataSource,
                        "update enrolments set completed_on = ? where activity_id = ? and application_id = ?",
                        on, activityId, completed.applicationId());
            }
        }
        Change<Activity, ActivityEvent> last = changes.getLast();
        Sql.update(dataSource, "update activities set version = ?, status = ? where activity_id = ?",
                last.recorded().version(), last.stateAfter().status(), activityId);
    }

    private void insert(String activityId, long version, String applicationId, Nomination nomination, Outcome outcome,
                        WaitlistReason waitlistReason, FundingRefusal fundingRefusal, boolean funded, LocalDate on) {
        Standing standing = outcome == Outcome.WAITLISTED ? Standing.WAITLISTED : Standing.ACCEPTED;
        Sql.update(dataSource, """
                        insert into enrolments (activity_id, application_id, decided_version, person_ref, sealed_name, sealed_email,
                                                institute, country, rmo, funding_requested, country_eligible, outcome, waitlist_reason,
                                                funding_refusal, standing, funded, applied_on, accepted_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                activityId, applicationId, version, nomination.applicant().personRef(), nomination.applicant().sealedName(),
                nomination.applicant().sealedEmail(), nomination.applicant().institute(), nomination.applicant().country(),
                nomination.rmo(), nomination.fundingRequested(), nomination.countryEligibleForFunding(), outcome,
                waitlistReason, fundingRefusal, standing, funded, on, standing == Standing.ACCEPTED ? on : null);
    }

    /** Erasure: the ciphertext goes too (its key is destroyed in the same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String personRef) {
        Sql.update(dataSource, "update enrolments set sealed_name = null, sealed_email = null where person_ref = ?", personRef);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
