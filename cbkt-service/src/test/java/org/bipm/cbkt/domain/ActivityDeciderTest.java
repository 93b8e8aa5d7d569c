package org.bipm.cbkt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.bipm.platform.kernel.domain.DeciderSpec;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;
import org.junit.jupiter.api.Test;

/** The rules of activities and enrolments, on the 2023 BIPM/RMO forum's quotas (30 seats, 5 per RMO, 3 funded per RMO). */
class ActivityDeciderTest {

    private static final ActivityDecider DECIDER = new ActivityDecider();
    private static final DeciderSpec<ActivityCommand, Activity, ActivityEvent> SPEC = DeciderSpec.of(DECIDER);

    private static final LocalDate ANNOUNCED = LocalDate.of(2023, 1, 1);
    private static final LocalDate MARCH = LocalDate.of(2023, 3, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2023, 3, 31);
    private static final LocalDate SEPTEMBER = LocalDate.of(2023, 9, 1);

    private static final ActivityDetails DETAILS = new ActivityDetails("BIPM/RMO forum", ActivityType.FORUM, Delivery.IN_PERSON,
            null, "BIPM headquarters", Fee.NONE, "seed 003");
    private static final Schedule SCHEDULE = new Schedule(SEPTEMBER, null, DatePrecision.MONTH, 3, DEADLINE);
    private static final Capacity FORUM_QUOTAS = new Capacity(30, 5, 3);

    private static final ActivityCreated CREATED = new ActivityCreated("forum", DETAILS, SCHEDULE, FORUM_QUOTAS, ANNOUNCED, DatePrecision.YEAR);
    private static final ActivityPublished PUBLISHED = new ActivityPublished(ANNOUNCED, DatePrecision.YEAR);

    private static Nomination nomination(String person, Rmo rmo, boolean funding) {
        return nomination(person, rmo, funding, true);
    }

    private static Nomination nomination(String person, Rmo rmo, boolean funding, boolean eligible) {
        return new Nomination(new Applicant(person, "v1:name-" + person, "v1:email-" + person, "NMI", "FR"), rmo, funding, eligible);
    }

    private static Apply apply(String person, Rmo rmo, boolean funding) {
        return new Apply(nomination(person, rmo, funding), MARCH);
    }

    private static String id(int number) {
        return "A%04d".formatted(number);
    }

    /** The forum, published, with {@code count} accepted applications from {@code rmo}, each funded when asked and possible. */
    private static List<ActivityEvent> forumWith(Rmo rmo, int count, boolean funding) {
        List<ActivityEvent> history = new ArrayList<>(List.of(CREATED, PUBLISHED));
        for (int i = 1; i <= count; i++) {
            history.add(new ApplicationAccepted(id(i), nomination("p" + i, rmo, funding), funding, MARCH));
        }
        return history;
    }

    private static DeciderSpec<ActivityCommand, Activity, ActivityEvent>.When given(List<ActivityEvent> history) {
        return SPEC.given(history.toArray(ActivityEvent[]::new));
    }

    // --- activities ---------------------------------------------------------------------------

    @Test
    void creates_a_draft_activity_with_its_quotas() {
        Activity forum = SPEC.given().when(new CreateActivity("forum", DETAILS, SCHEDULE, FORUM_QUOTAS, ANNOUNCED, DatePrecision.YEAR))
                .then(CREATED);
        assertThat(forum.status()).isEqualTo(Activity.Status.DRAFT);
        assertThat(forum.capacity()).isEqualTo(FORUM_QUOTAS);
    }

    @Test
    void an_activity_without_stated_quotas_or_dates_has_no_limits() {
        SPEC.given().when(new CreateActivity("course", DETAILS, null, null, ANNOUNCED, null))
                .then(new ActivityCreated("course", DETAILS, Schedule.UNDATED, Capacity.UNLIMITED, ANNOUNCED, DatePrecision.DAY));
    }

    @Test
    void refuses_to_create_an_activity_twice() {
        SPEC.given(CREATED).when(new CreateActivity("forum", DETAILS, SCHEDULE, FORUM_QUOTAS, ANNOUNCED, null))
                .thenRejected("activity-exists");
    }

    @Test
    void refuses_an_effective_date_not_written_as_its_precision_says() {
        SPEC.given().when(new CreateActivity("forum", DETAILS, SCHEDULE, FORUM_QUOTAS, MARCH.plusDays(4), DatePrecision.MONTH))
                .thenRejected("date-precision-mismatch");
    }

    @Test
    void refuses_commands_on_an_unknown_activity() {
        SPEC.given().when(apply("p1", Rmo.SIM, false)).thenRejected("activity-not-found");
        SPEC.given().when(new PublishActivity(MARCH, null)).thenRejected("activity-not-found");
    }

    @Test
    void publishes_a_draft() {
        assertThat(SPEC.given(CREATED).when(new PublishActivity(ANNOUNCED, DatePrecision.YEAR)).then(PUBLISHED).status())
                .isEqualTo(Activity.Status.PUBLISHED);
    }

    @Test
    void refuses_to_publish_twice() {
        SPEC.given(CREATED, PUBLISHED).when(new PublishActivity(MARCH, null)).thenRejected("activity-already-published");
    }

    @Test
    void refuses_to_publish_a_cancelled_activity() {
        SPEC.given(CREATED, new ActivityCancelled("postponed", MARCH)).when(new PublishActivity(MARCH, null))
                .thenRejected("activity-cancelled");
    }

    @Test
    void reschedules_an_activity() {
        Schedule days = new Schedule(LocalDate.of(2023, 9, 19), LocalDate.of(2023, 9, 21), DatePrecision.DAY, 3, DEADLINE);
        SPEC.given(CREATED, PUBLISHED).when(new RescheduleActivity(days, MARCH)).then(new ActivityRescheduled(days, MARCH));
    }

    @Test
    void rescheduling_to_the_same_schedule_changes_nothing() {
        SPEC.given(CREATED, PUBLISHED).when(new RescheduleActivity(SCHEDULE, MARCH)).then();
    }

    @Test
    void refuses_to_reschedule_a_cancelled_activity() {
        SPEC.given(CREATED, new ActivityCancelled(null, MARCH)).when(new RescheduleActivity(Schedule.UNDATED, MARCH))
                .thenRejected("activity-cancelled");
    }

    @Test
    void refuses_a_fact_dated_before_the_activitys_latest_fact() {
        SPEC.given(CREATED, new ActivityPublished(MARCH, null)).when(new CancelActivity(null, ANNOUNCED))
                .thenRejected("effective-date-before-latest-fact");
    }

    @Test
    void cancelling_withdraws_every_enrolment_still_accepted_or_waitlisted() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 5, false);
        history.add(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.SIM, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        history.add(new ApplicationWithdrawn(id(2), WithdrawalReason.REQUESTED, MARCH));
        history.add(new ApplicationPromoted(id(6), false, null, MARCH));
        List<ActivityEvent> expected = new ArrayList<>(List.of(new ActivityCancelled("postponed", MARCH)));
        for (int i : new int[] {1, 3, 4, 5, 6}) {
            expected.add(new ApplicationWithdrawn(id(i), WithdrawalReason.ACTIVITY_CANCELLED, MARCH));
        }
        Activity cancelled = given(history).when(new CancelActivity("postponed", MARCH)).then(expected.toArray(ActivityEvent[]::new));
        assertThat(cancelled.status()).isEqualTo(Activity.Status.CANCELLED);
        assertThat(cancelled.seatsTaken()).isZero();
    }

    @Test
    void refuses_to_cancel_twice() {
        SPEC.given(CREATED, new ActivityCancelled(null, MARCH)).when(new CancelActivity(null, MARCH)).thenRejected("activity-already-cancelled");
    }

    // --- value rules ------------------------------------------------------------------------------

    @Test
    void refuses_a_deadline_after_the_start() {
        assertRejected(() -> new Schedule(SEPTEMBER, null, DatePrecision.MONTH, null, LocalDate.of(2023, 10, 1)), "deadline-after-start");
        // September 2023 known to the month: a deadline within September may still precede the start
        new Schedule(SEPTEMBER, null, DatePrecision.MONTH, null, LocalDate.of(2023, 9, 10));
    }

    @Test
    void refuses_an_end_before_the_start_and_a_month_not_written_as_its_first_day() {
        assertRejected(() -> new Schedule(SEPTEMBER, SEPTEMBER.minusDays(1), null, null, null), "schedule-end-before-start");
        assertRejected(() -> new Schedule(LocalDate.of(2023, 9, 19), null, DatePrecision.MONTH, null, null), "date-precision-mismatch");
        assertRejected(() -> new Schedule(null, SEPTEMBER, null, null, null), "schedule-end-without-start");
        assertRejected(() -> new Schedule(SEPTEMBER, null, null, 0, null), "schedule-duration-invalid");
    }

    @Test
    void refuses_more_funded_seats_than_seats_per_rmo_and_non_positive_limits() {
        assertRejected(() -> new Capacity(30, 3, 5), "capacity-invalid");
        assertRejected(() -> new Capacity(0, null, null), "capacity-invalid");
        assertRejected(() -> new Capacity(null, null, -1), "capacity-invalid");
    }

    @Test
    void refuses_a_fee_without_currency_and_a_negative_fee() {
        assertRejected(() -> new Fee(BigDecimal.TEN, null), "fee-invalid");
        assertRejected(() -> new Fee(BigDecimal.valueOf(-1), "EUR"), "fee-invalid");
    }

    @Test
    void refuses_an_applicant_without_a_country_code() {
        assertRejected(() -> new Applicant("p1", null, null, "NMI", "France"), "country-code-invalid");
    }

    // --- applications -------------------------------------------------------------------------

    @Test
    void accepts_with_funding_when_requested_eligible_and_a_funded_seat_is_left() {
        Activity forum = SPEC.given(CREATED, PUBLISHED).when(apply("p1", Rmo.SIM, true))
                .then(new ApplicationAccepted(id(1), nomination("p1", Rmo.SIM, true), true, MARCH));
        assertThat(forum.fundedSeatsTaken(Rmo.SIM)).isOne();
    }

    @Test
    void accepts_without_funding_when_none_is_requested() {
        SPEC.given(CREATED, PUBLISHED).when(apply("p1", Rmo.APMP, false))
                .then(new ApplicationAccepted(id(1), nomination("p1", Rmo.APMP, false), false, MARCH));
    }

    @Test
    void accepts_the_fourth_funding_request_of_an_rmo_without_funding() {
        given(forumWith(Rmo.SIM, 3, true)).when(apply("p4", Rmo.SIM, true))
                .then(new ApplicationAcceptedWithoutFunding(id(4), nomination("p4", Rmo.SIM, true), FundingRefusal.RMO_FUNDED_SEATS_FULL, MARCH));
    }

    @Test
    void funded_seats_are_counted_per_rmo() {
        given(forumWith(Rmo.SIM, 3, true)).when(apply("p4", Rmo.EURAMET, true))
                .then(new ApplicationAccepted(id(4), nomination("p4", Rmo.EURAMET, true), true, MARCH));
    }

    @Test
    void accepts_without_funding_a_participant_whose_country_is_not_a_member_or_associate() {
        Nomination outsider = nomination("p1", Rmo.AFRIMETS, true, false);
        SPEC.given(CREATED, PUBLISHED).when(new Apply(outsider, MARCH))
                .then(new ApplicationAcceptedWithoutFunding(id(1), outsider, FundingRefusal.COUNTRY_NOT_ELIGIBLE, MARCH));
    }

    @Test
    void waitlists_the_sixth_applicant_of_an_rmo() {
        given(forumWith(Rmo.GULFMET, 5, false)).when(apply("p6", Rmo.GULFMET, true))
                .then(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.GULFMET, true), WaitlistReason.RMO_SEATS_FULL, MARCH));
    }

    @Test
    void waitlists_when_every_seat_is_taken() {
        List<ActivityEvent> history = new ArrayList<>(List.of(
                new ActivityCreated("small", DETAILS, SCHEDULE, new Capacity(2, null, null), ANNOUNCED, DatePrecision.YEAR), PUBLISHED));
        history.add(new ApplicationAccepted(id(1), nomination("p1", Rmo.SIM, false), false, MARCH));
        history.add(new ApplicationAccepted(id(2), nomination("p2", Rmo.APMP, false), false, MARCH));
        given(history).when(apply("p3", Rmo.COOMET, false))
                .then(new ApplicationWaitlisted(id(3), nomination("p3", Rmo.COOMET, false), WaitlistReason.SEATS_FULL, MARCH));
    }

    @Test
    void refuses_applications_to_an_activity_not_yet_published() {
        SPEC.given(CREATED).when(apply("p1", Rmo.SIM, false)).thenRejected("activity-not-published");
    }

    @Test
    void refuses_applications_after_the_deadline_and_accepts_them_on_the_deadline_day() {
        SPEC.given(CREATED, PUBLISHED).when(new Apply(nomination("p1", Rmo.SIM, false), DEADLINE.plusDays(1)))
                .thenRejected("application-deadline-passed");
        SPEC.given(CREATED, PUBLISHED).when(new Apply(nomination("p1", Rmo.SIM, false), DEADLINE))
                .then(new ApplicationAccepted(id(1), nomination("p1", Rmo.SIM, false), false, DEADLINE));
    }

    @Test
    void refuses_a_participant_who_already_applied() {
        given(forumWith(Rmo.SIM, 1, false)).when(apply("p1", Rmo.EURAMET, false)).thenRejected("duplicate-participant");
        List<ActivityEvent> waitlisted = forumWith(Rmo.SIM, 5, false);
        waitlisted.add(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.SIM, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        given(waitlisted).when(apply("p6", Rmo.SIM, false)).thenRejected("duplicate-participant");
    }

    @Test
    void a_participant_who_withdrew_may_apply_again() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 1, false);
        history.add(new ApplicationWithdrawn(id(1), WithdrawalReason.REQUESTED, MARCH));
        given(history).when(apply("p1", Rmo.SIM, false))
                .then(new ApplicationAccepted(id(2), nomination("p1", Rmo.SIM, false), false, MARCH));
    }

    @Test
    void refuses_applications_to_a_cancelled_activity() {
        SPEC.given(CREATED, PUBLISHED, new ActivityCancelled(null, MARCH)).when(apply("p1", Rmo.SIM, false))
                .thenRejected("activity-cancelled");
    }

    // --- withdrawals and promotions -------------------------------------------------------------

    @Test
    void a_withdrawal_promotes_the_earliest_waitlisted_application_that_fits_every_quota() {
        // 2 seats, 1 per RMO: SIM accepted, SIM waitlisted (its RMO is full), APMP accepted, EURAMET waitlisted (all full)
        List<ActivityEvent> history = new ArrayList<>(List.of(
                new ActivityCreated("small", DETAILS, SCHEDULE, new Capacity(2, 1, 1), ANNOUNCED, DatePrecision.YEAR), PUBLISHED,
                new ApplicationAccepted(id(1), nomination("p1", Rmo.SIM, true), true, MARCH),
                new ApplicationWaitlisted(id(2), nomination("p2", Rmo.SIM, false), WaitlistReason.RMO_SEATS_FULL, MARCH),
                new ApplicationAccepted(id(3), nomination("p3", Rmo.APMP, false), false, MARCH),
                new ApplicationWaitlisted(id(4), nomination("p4", Rmo.EURAMET, true), WaitlistReason.SEATS_FULL, MARCH)));
        // APMP's seat frees: A0002 (SIM, still full) does not fit, A0004 does — and gets EURAMET's funded seat
        Activity after = given(history).when(new Withdraw(id(3), MARCH)).then(
                new ApplicationWithdrawn(id(3), WithdrawalReason.REQUESTED, MARCH),
                new ApplicationPromoted(id(4), true, null, MARCH));
        assertThat(after.application(id(2)).orElseThrow().isWaitlisted()).isTrue();
        // SIM's seat frees: now A0002 fits, though it is later than nobody else waiting
        history.add(new ApplicationWithdrawn(id(3), WithdrawalReason.REQUESTED, MARCH));
        history.add(new ApplicationPromoted(id(4), true, null, MARCH));
        given(history).when(new Withdraw(id(1), MARCH)).then(
                new ApplicationWithdrawn(id(1), WithdrawalReason.REQUESTED, MARCH),
                new ApplicationPromoted(id(2), false, null, MARCH));
    }

    @Test
    void a_promotion_gives_a_freed_funded_seat_and_states_why_funding_is_refused() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 3, true);
        history.add(new ApplicationAcceptedWithoutFunding(id(4), nomination("p4", Rmo.SIM, true), FundingRefusal.RMO_FUNDED_SEATS_FULL, MARCH));
        history.add(new ApplicationAccepted(id(5), nomination("p5", Rmo.SIM, false), false, MARCH));
        history.add(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.SIM, true), WaitlistReason.RMO_SEATS_FULL, MARCH));
        history.add(new ApplicationWaitlisted(id(7), nomination("p7", Rmo.SIM, true, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        // a funded participant withdraws: A0006 gets the seat and the funded seat
        given(history).when(new Withdraw(id(1), MARCH)).then(
                new ApplicationWithdrawn(id(1), WithdrawalReason.REQUESTED, MARCH),
                new ApplicationPromoted(id(6), true, null, MARCH));
        // an unfunded one withdraws: A0006 gets a seat without funding (the three funded seats are taken)
        given(history).when(new Withdraw(id(5), MARCH)).then(
                new ApplicationWithdrawn(id(5), WithdrawalReason.REQUESTED, MARCH),
                new ApplicationPromoted(id(6), false, FundingRefusal.RMO_FUNDED_SEATS_FULL, MARCH));
    }

    @Test
    void a_promoted_participant_from_a_country_not_eligible_is_not_funded() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 5, false);
        history.add(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.SIM, true, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        given(history).when(new Withdraw(id(1), MARCH)).then(
                new ApplicationWithdrawn(id(1), WithdrawalReason.REQUESTED, MARCH),
                new ApplicationPromoted(id(6), false, FundingRefusal.COUNTRY_NOT_ELIGIBLE, MARCH));
    }

    @Test
    void withdrawing_a_waitlisted_application_promotes_nobody() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 5, false);
        history.add(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.SIM, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        history.add(new ApplicationWaitlisted(id(7), nomination("p7", Rmo.SIM, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        given(history).when(new Withdraw(id(6), MARCH)).then(new ApplicationWithdrawn(id(6), WithdrawalReason.REQUESTED, MARCH));
    }

    @Test
    void refuses_to_withdraw_twice_an_unknown_or_a_completed_enrolment() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 2, false);
        history.add(new ApplicationWithdrawn(id(1), WithdrawalReason.REQUESTED, MARCH));
        history.add(new CompletionRecorded(id(2), SEPTEMBER));
        given(history).when(new Withdraw(id(1), SEPTEMBER)).thenRejected("application-already-withdrawn");
        given(history).when(new Withdraw(id(9), SEPTEMBER)).thenRejected("application-not-found");
        given(history).when(new Withdraw(id(2), SEPTEMBER)).thenRejected("enrolment-completed");
    }

    // --- completion -------------------------------------------------------------------------------

    @Test
    void records_completion_of_an_accepted_participant() {
        Activity after = given(forumWith(Rmo.SIM, 1, true)).when(new RecordCompletion(id(1), SEPTEMBER.plusDays(20)))
                .then(new CompletionRecorded(id(1), SEPTEMBER.plusDays(20)));
        assertThat(after.application(id(1)).orElseThrow().holdsSeat()).isTrue();
    }

    @Test
    void refuses_completion_twice_before_the_start_or_of_a_participant_without_a_seat() {
        List<ActivityEvent> history = forumWith(Rmo.SIM, 5, false);
        history.add(new ApplicationWaitlisted(id(6), nomination("p6", Rmo.SIM, false), WaitlistReason.RMO_SEATS_FULL, MARCH));
        given(history).when(new RecordCompletion(id(6), SEPTEMBER)).thenRejected("enrolment-not-accepted");
        given(history).when(new RecordCompletion(id(1), MARCH)).thenRejected("completion-before-start");
        history.add(new CompletionRecorded(id(1), SEPTEMBER));
        given(history).when(new RecordCompletion(id(1), SEPTEMBER)).thenRejected("completion-already-recorded");
    }

    // --- the invariants, whatever the order of applications and withdrawals -----------------------

    @Test
    void quotas_hold_and_no_waitlisted_application_fits_after_any_sequence_of_applications_and_withdrawals() {
        Random random = new Random(20230331);
        Activity forum = DECIDER.fold(List.of(CREATED, PUBLISHED));
        for (int step = 1; step <= 600; step++) {
            List<Application> withdrawable = forum.applications().stream().filter(a -> a.holdsSeat() || a.isWaitlisted()).toList();
            ActivityCommand command = random.nextInt(4) == 0 && !withdrawable.isEmpty()
                    ? new Withdraw(withdrawable.get(random.nextInt(withdrawable.size())).applicationId(), MARCH)
                    : new Apply(nomination("p" + step, Rmo.values()[random.nextInt(6)], random.nextBoolean(), random.nextInt(5) > 0), MARCH);
            for (ActivityEvent event : DECIDER.decide(command, forum)) {
                forum = DECIDER.evolve(forum, event);
            }
            assertThat(forum.seatsTaken()).isLessThanOrEqualTo(30);
            for (Rmo rmo : Rmo.values()) {
                assertThat(forum.seatsTaken(rmo)).isLessThanOrEqualTo(5);
                assertThat(forum.fundedSeatsTaken(rmo)).isLessThanOrEqualTo(3);
            }
            Activity now = forum;
            assertThat(forum.applications()).noneMatch(a -> a.isWaitlisted() && now.seatRefusal(a.rmo()).isEmpty());
            assertThat(forum.applications()).noneMatch(a -> a.funded() && !a.holdsSeat());
        }
    }

    private static void assertRejected(Runnable construction, String code) {
        assertThatThrownBy(construction::run).isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).code()).isEqualTo(code);
    }
}
