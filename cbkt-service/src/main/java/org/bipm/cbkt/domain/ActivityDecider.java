package org.bipm.cbkt.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bipm.cbkt.domain.Activity.Status;
import org.bipm.cbkt.domain.ActivityCommand.Apply;
import org.bipm.cbkt.domain.ActivityCommand.CancelActivity;
import org.bipm.cbkt.domain.ActivityCommand.CreateActivity;
import org.bipm.cbkt.domain.ActivityCommand.PublishActivity;
import org.bipm.cbkt.domain.ActivityCommand.RecordCompletion;
import org.bipm.cbkt.domain.ActivityCommand.RescheduleActivity;
import org.bipm.cbkt.domain.ActivityCommand.Withdraw;
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
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.EffectiveDates;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * The rules of an activity and its enrolments.
 * <ul>
 * <li>An activity is created as a draft, published (then open for applications), rescheduled, or cancelled;
 *     cancelling withdraws every enrolment still accepted or waitlisted. Nothing changes after cancellation.</li>
 * <li>An application gets its outcome at once: WAITLISTED when every seat, or every seat of its RMO, is
 *     taken; otherwise ACCEPTED, funded when funding was asked for, the country is a Member State or
 *     Associate on the application date and the RMO has a funded seat left; else ACCEPTED_WITHOUT_FUNDING,
 *     with the reason. It is refused after the deadline, for a participant already enrolled, or when the
 *     activity is cancelled or not yet published.</li>
 * <li>A withdrawal frees a seat: the earliest waitlisted applications that now fit every quota are
 *     promoted, in application order, each by its own event.</li>
 * <li>Completion is recorded once per accepted participant, not before the activity starts.</li>
 * <li>No fact takes effect before the activity's latest fact.</li>
 * </ul>
 */
public final class ActivityDecider implements Decider<ActivityCommand, Activity, ActivityEvent> {

    @Override
    public Activity initialState() {
        return Activity.NONE;
    }

    @Override
    public List<ActivityEvent> decide(ActivityCommand command, Activity activity) {
        if (!activity.exists()) {
            return switch (command) {
                case CreateActivity create -> create(create);
                default -> throw Rejection.notFound("activity-not-found", "no such activity");
            };
        }
        return switch (command) {
            case CreateActivity create -> throw new Rejection("activity-exists",
                    "an activity with the id '" + create.activityId() + "' already exists");
            case PublishActivity publish -> publish(publish, activity);
            case RescheduleActivity reschedule -> reschedule(reschedule, activity);
            case CancelActivity cancel -> cancel(cancel, activity);
            case Apply apply -> apply(apply, activity);
            case Withdraw withdraw -> withdraw(withdraw, activity);
            case RecordCompletion completion -> complete(completion, activity);
        };
    }

    private static List<ActivityEvent> create(CreateActivity create) {
        if (create.activityId() == null || create.activityId().isBlank()) {
            throw Rejection.invalid("activity-id-missing", "an activity has an id");
        }
        if (create.details() == null) {
            throw Rejection.invalid("activity-details-missing", "an activity has a title, a type and a delivery mode");
        }
        EffectiveDates.requireNotBefore(null, create.effectiveDate());
        DatePrecision precision = DatePrecision.orDay(create.datePrecision());
        Dates.requireWritten(precision, create.effectiveDate(), "an effective date");
        return List.of(new ActivityCreated(create.activityId(), create.details(),
                create.schedule() == null ? Schedule.UNDATED : create.schedule(),
                create.capacity() == null ? Capacity.UNLIMITED : create.capacity(),
                create.effectiveDate(), precision));
    }

    private static List<ActivityEvent> publish(PublishActivity publish, Activity activity) {
        requireNotCancelled(activity);
        if (activity.status() == Status.PUBLISHED) {
            throw new Rejection("activity-already-published", "the activity is already published");
        }
        EffectiveDates.requireNotBefore(activity.latest(), publish.effectiveDate());
        DatePrecision precision = DatePrecision.orDay(publish.datePrecision());
        Dates.requireWritten(precision, publish.effectiveDate(), "an effective date");
        return List.of(new ActivityPublished(publish.effectiveDate(), precision));
    }

    private static List<ActivityEvent> reschedule(RescheduleActivity reschedule, Activity activity) {
        requireNotCancelled(activity);
        EffectiveDates.requireNotBefore(activity.latest(), reschedule.effectiveDate());
        if (reschedule.schedule() == null) {
            throw Rejection.invalid("schedule-missing", "a new schedule is required");
        }
        if (reschedule.schedule().equals(activity.schedule())) {
            return List.of();
        }
        return List.of(new ActivityRescheduled(reschedule.schedule(), reschedule.effectiveDate()));
    }

    private static List<ActivityEvent> cancel(CancelActivity cancel, Activity activity) {
        if (activity.status() == Status.CANCELLED) {
            throw new Rejection("activity-already-cancelled", "the activity is already cancelled");
        }
        EffectiveDates.requireNotBefore(activity.latest(), cancel.effectiveDate());
        List<ActivityEvent> events = new ArrayList<>();
        events.add(new ActivityCancelled(cancel.reason(), cancel.effectiveDate()));
        for (Application application : activity.applications()) {
            if ((application.holdsSeat() || application.isWaitlisted()) && !application.isCompleted()) {
                events.add(new ApplicationWithdrawn(application.applicationId(), WithdrawalReason.ACTIVITY_CANCELLED,
                        cancel.effectiveDate()));
            }
        }
        return events;
    }

    private static List<ActivityEvent> apply(Apply apply, Activity activity) {
        if (apply.nomination() == null) {
            throw Rejection.invalid("nomination-incomplete", "an application names the applicant and the RMO");
        }
        activity.requireOpenForApplications(apply.appliedOn());
        EffectiveDates.requireNotBefore(activity.latest(), apply.appliedOn());
        Nomination nomination = apply.nomination();
        if (activity.hasActiveApplication(nomination.applicant().personRef())) {
            throw new Rejection("duplicate-participant", "this participant has already applied to the activity");
        }
        String id = activity.nextApplicationId();
        Optional<WaitlistReason> noSeat = activity.seatRefusal(nomination.rmo());
        if (noSeat.isPresent()) {
            return List.of(new ApplicationWaitlisted(id, nomination, noSeat.get(), apply.appliedOn()));
        }
        if (!nomination.fundingRequested()) {
            return List.of(new ApplicationAccepted(id, nomination, false, apply.appliedOn()));
        }
        return List.of(activity.fundingRefusal(nomination)
                .<ActivityEvent>map(refusal -> new ApplicationAcceptedWithoutFunding(id, nomination, refusal, apply.appliedOn()))
                .orElseGet(() -> new ApplicationAccepted(id, nomination, true, apply.appliedOn())));
    }

    private List<ActivityEvent> withdraw(Withdraw withdraw, Activity activity) {
        Application application = existing(activity, withdraw.applicationId());
        if (application.standing() == Application.Standing.WITHDRAWN) {
            throw new Rejection("application-already-withdrawn", "application " + application.applicationId() + " is already withdrawn");
        }
        if (application.isCompleted()) {
            throw new Rejection("enrolment-completed", "the participant has completed the activity; the enrolment can no longer be withdrawn");
        }
        EffectiveDates.requireNotBefore(activity.latest(), withdraw.effectiveDate());
        List<ActivityEvent> events = new ArrayList<>();
        ApplicationWithdrawn withdrawn = new ApplicationWithdrawn(application.applicationId(), WithdrawalReason.REQUESTED,
                withdraw.effectiveDate());
        events.add(withdrawn);
        events.addAll(promotions(evolve(activity, withdrawn), withdraw.effectiveDate()));
        return events;
    }

    /** Fills freed seats from the waitlist: always the earliest application that fits every quota, one event each. */
    private List<ActivityEvent> promotions(Activity activity, LocalDate on) {
        List<ActivityEvent> events = new ArrayList<>();
        Optional<Application> next;
        while ((next = firstFitting(activity)).isPresent()) {
            Application application = next.get();
            Optional<FundingRefusal> refusal = application.nomination().fundingRequested()
                    ? activity.fundingRefusal(application.nomination()) : Optional.empty();
            ApplicationPromoted promoted = new ApplicationPromoted(application.applicationId(),
                    application.nomination().fundingRequested() && refusal.isEmpty(), refusal.orElse(null), on);
            events.add(promoted);
            activity = evolve(activity, promoted);
        }
        return events;
    }

    private static Optional<Application> firstFitting(Activity activity) {
        return activity.applications().stream()
                .filter(a -> a.isWaitlisted() && activity.seatRefusal(a.rmo()).isEmpty())
                .findFirst();
    }

    private static List<ActivityEvent> complete(RecordCompletion completion, Activity activity) {
        Application application = existing(activity, completion.applicationId());
        if (!application.holdsSeat()) {
            throw new Rejection("enrolment-not-accepted", "only an accepted participant can complete the activity");
        }
        if (application.isCompleted()) {
            throw new Rejection("completion-already-recorded", "completion was recorded on " + application.completedOn());
        }
        EffectiveDates.requireNotBefore(activity.latest(), completion.effectiveDate());
        LocalDate start = activity.schedule().startDate();
        if (start != null && completion.effectiveDate().isBefore(start)) {
            throw new Rejection("completion-before-start", "the activity starts on " + start);
        }
        return List.of(new CompletionRecorded(application.applicationId(), completion.effectiveDate()));
    }

    private static Application existing(Activity activity, String applicationId) {
        return activity.application(applicationId).orElseThrow(() -> Rejection.notFound("application-not-found",
                "the activity has no application " + applicationId));
    }

    private static void requireNotCancelled(Activity activity) {
        if (activity.status() == Status.CANCELLED) {
            throw new Rejection("activity-cancelled", "the activity is cancelled");
        }
    }

    @Override
    public Activity evolve(Activity activity, ActivityEvent event) {
        LocalDate on = event.effectiveDate();
        return switch (event) {
            case ActivityCreated created -> new Activity(created.activityId(), Status.DRAFT, created.details(),
                    created.schedule(), created.capacity(), List.of(), on);
            case ActivityPublished ignored -> activity.with(Status.PUBLISHED, activity.schedule(), on);
            case ActivityRescheduled rescheduled -> activity.with(activity.status(), rescheduled.schedule(), on);
            case ActivityCancelled ignored -> activity.with(Status.CANCELLED, activity.schedule(), on);
            case ApplicationAccepted accepted -> activity.adding(new Application(accepted.applicationId(),
                    accepted.nomination(), on, Application.Standing.ACCEPTED, accepted.funded(), null), on);
            case ApplicationAcceptedWithoutFunding accepted -> activity.adding(new Application(accepted.applicationId(),
                    accepted.nomination(), on, Application.Standing.ACCEPTED, false, null), on);
            case ApplicationWaitlisted waitlisted -> activity.adding(new Application(waitlisted.applicationId(),
                    waitlisted.nomination(), on, Application.Standing.WAITLISTED, false, null), on);
            case ApplicationPromoted promoted -> activity.replacing(
                    activity.application(promoted.applicationId()).orElseThrow().accepted(promoted.funded()), on);
            case ApplicationWithdrawn withdrawn -> activity.replacing(
                    activity.application(withdrawn.applicationId()).orElseThrow().withdrawn(), on);
            case CompletionRecorded completed -> activity.replacing(
                    activity.application(completed.applicationId()).orElseThrow().completed(on), on);
        };
    }
}
