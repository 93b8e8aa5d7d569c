package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * When an activity takes place and until when one may apply. Any part may be unknown: a self-paced
 * e-learning course has no dates; "three days in September 2023" is a start of 2023-09-01 known to the
 * MONTH and a duration of 3 days, with no invented day.
 */
public record Schedule(LocalDate startDate, LocalDate endDate, DatePrecision datePrecision, Integer durationDays,
                       LocalDate applicationDeadline) {

    public static final Schedule UNDATED = new Schedule(null, null, null, null, null);

    public Schedule {
        datePrecision = DatePrecision.orDay(datePrecision);
        Dates.requireWritten(datePrecision, startDate, "a start date");
        Dates.requireWritten(datePrecision, endDate, "an end date");
        if (endDate != null && startDate == null) {
            throw Rejection.invalid("schedule-end-without-start", "an end date needs a start date");
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw Rejection.invalid("schedule-end-before-start", "the end date " + endDate + " is before the start date " + startDate);
        }
        if (durationDays != null && durationDays < 1) {
            throw Rejection.invalid("schedule-duration-invalid", "a duration is at least one day");
        }
        if (applicationDeadline != null && startDate != null
                && applicationDeadline.isAfter(Dates.lastDay(datePrecision, startDate))) {
            throw Rejection.invalid("deadline-after-start",
                    "the application deadline " + applicationDeadline + " is after the start of the activity");
        }
    }

    /** Whether applications made on {@code date} come too late. */
    public boolean closedOn(LocalDate date) {
        return applicationDeadline != null && date.isAfter(applicationDeadline);
    }
}
