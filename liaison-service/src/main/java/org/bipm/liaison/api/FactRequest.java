package org.bipm.liaison.api;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DatePrecision;

/**
 * What every write request states about the date of its fact: when it took effect, how
 * precisely (DAY when not said), and whether the source states it at all (yes when not said).
 */
interface FactRequest {

    LocalDate effectiveDate();

    DatePrecision datePrecision();

    Boolean dateStated();

    default DatePrecision precision() {
        return DatePrecision.orDay(datePrecision());
    }

    default boolean stated() {
        return dateStated() == null || dateStated();
    }
}
