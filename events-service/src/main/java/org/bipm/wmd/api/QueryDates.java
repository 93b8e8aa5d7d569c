package org.bipm.wmd.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.bipm.platform.kernel.domain.Rejection;

/** Dates in query strings: a malformed one is a 400 problem naming the parameter (not a 404). */
final class QueryDates {

    private QueryDates() {
    }

    static LocalDate parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("invalid-query-date", "query parameter '" + name + "' must be a date like 2024-05-20, not '" + value + "'");
        }
    }
}
