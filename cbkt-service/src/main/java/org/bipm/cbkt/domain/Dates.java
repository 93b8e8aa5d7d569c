package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.Rejection;

/** Dates known only to the month or year are written as the first day of their period; these rules read them. */
final class Dates {

    private Dates() {
    }

    /** Refuses a date not written the way {@code precision} records dates. */
    static void requireWritten(DatePrecision precision, LocalDate date, String what) {
        boolean firstOfPeriod = date == null || switch (precision) {
            case DAY -> true;
            case MONTH -> date.getDayOfMonth() == 1;
            case YEAR -> date.getDayOfYear() == 1;
        };
        if (!firstOfPeriod) {
            throw Rejection.invalid("date-precision-mismatch", what + " known to the " + precision.name().toLowerCase()
                    + " only is written as the first day of its " + precision.name().toLowerCase() + ", not " + date);
        }
    }

    /** The last day the period starting at {@code date} covers: "September 2023" lasts until 2023-09-30. */
    static LocalDate lastDay(DatePrecision precision, LocalDate date) {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
            case YEAR -> date.withDayOfYear(date.lengthOfYear());
        };
    }
}
