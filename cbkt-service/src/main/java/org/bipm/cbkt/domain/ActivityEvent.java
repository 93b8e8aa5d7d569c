package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.DomainEvent;

/**
 * The facts of one activity's stream (stream id = activity id), published on {@code bipm.cbkt.v1}
 * (JSON Schemas under META-INF/schemas). Applicants appear only as a person reference and ciphertext.
 */
public sealed interface ActivityEvent extends DomainEvent {

    /** {@code effectiveDate} is when the activity was set up, known to {@code datePrecision}. */
    record ActivityCreated(String activityId, ActivityDetails details, Schedule schedule, Capacity capacity,
                           LocalDate effectiveDate, DatePrecision datePrecision) implements ActivityEvent {
    }

    /** Open for applications from now on. */
    record ActivityPublished(LocalDate effectiveDate, DatePrecision datePrecision) implements ActivityEvent {
    }

    record ActivityRescheduled(Schedule schedule, LocalDate effectiveDate) implements ActivityEvent {
    }

    /** Followed in the same write by an {@link ApplicationWithdrawn} for every enrolment it ends. */
    record ActivityCancelled(String reason, LocalDate effectiveDate) implements ActivityEvent {
    }

    /** A seat, funded when {@code funded} (funding requested, granted). */
    record ApplicationAccepted(String applicationId, Nomination nomination, boolean funded, LocalDate effectiveDate)
            implements ActivityEvent {
    }

    /** A seat without the funding that was requested, for the reason stated. */
    record ApplicationAcceptedWithoutFunding(String applicationId, Nomination nomination, FundingRefusal reason,
                                             LocalDate effectiveDate) implements ActivityEvent {
    }

    /** No seat yet, for the reason stated; promoted automatically when one that fits is freed. */
    record ApplicationWaitlisted(String applicationId, Nomination nomination, WaitlistReason reason, LocalDate effectiveDate)
            implements ActivityEvent {
    }

    /** A waitlisted application got a seat; {@code fundingRefusal} says why it is not funded when it asked to be. */
    record ApplicationPromoted(String applicationId, boolean funded, FundingRefusal fundingRefusal, LocalDate effectiveDate)
            implements ActivityEvent {
    }

    record ApplicationWithdrawn(String applicationId, WithdrawalReason reason, LocalDate effectiveDate)
            implements ActivityEvent {
    }

    record CompletionRecorded(String applicationId, LocalDate effectiveDate) implements ActivityEvent {
    }
}
