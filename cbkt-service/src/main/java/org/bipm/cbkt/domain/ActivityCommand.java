package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DatePrecision;

/** What coordinators and RMO secretariats ask of an activity. */
public sealed interface ActivityCommand {

    record CreateActivity(String activityId, ActivityDetails details, Schedule schedule, Capacity capacity,
                          LocalDate effectiveDate, DatePrecision datePrecision) implements ActivityCommand {
    }

    record PublishActivity(LocalDate effectiveDate, DatePrecision datePrecision) implements ActivityCommand {
    }

    record RescheduleActivity(Schedule schedule, LocalDate effectiveDate) implements ActivityCommand {
    }

    /** Cancelling withdraws every enrolment that is still accepted or waitlisted. */
    record CancelActivity(String reason, LocalDate effectiveDate) implements ActivityCommand {
    }

    /** An application made on {@code appliedOn}; its outcome is decided at once. */
    record Apply(Nomination nomination, LocalDate appliedOn) implements ActivityCommand {
    }

    record Withdraw(String applicationId, LocalDate effectiveDate) implements ActivityCommand {
    }

    record RecordCompletion(String applicationId, LocalDate effectiveDate) implements ActivityCommand {
    }
}
