package org.bipm.wmd.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import java.time.LocalDate;
import org.bipm.platform.kernel.domain.Rejection;

/** The date a fact took effect and how precisely it is known (2022-01-01 YEAR reads "some time in 2022"). */
public record FactDate(LocalDate date, DatePrecision precision) {

    public FactDate {
        if (date == null) {
            throw Rejection.invalid("effective-date-missing", "an effective date is required");
        }
        if (precision == null) {
            precision = DatePrecision.DAY;
        }
        boolean firstOfPeriod = switch (precision) {
            case DAY -> true;
            case MONTH -> date.getDayOfMonth() == 1;
            case YEAR -> date.getDayOfYear() == 1;
        };
        if (!firstOfPeriod) {
            throw Rejection.invalid("date-precision-mismatch", "a date known to the " + precision.name().toLowerCase()
                    + " only is written as the first day of its " + precision.name().toLowerCase() + ", not " + date);
        }
    }

    public static FactDate day(LocalDate date) {
        return new FactDate(date, DatePrecision.DAY);
    }
}
