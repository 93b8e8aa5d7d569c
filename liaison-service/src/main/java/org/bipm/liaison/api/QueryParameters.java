package org.bipm.liaison.api;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * Reads query parameters as strings and parses them here, so a bad value is a 400 problem
 * naming the parameter (JAX-RS would answer 404 for an unconvertible query parameter).
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("invalid-date", "'" + name + "' must be a date like 2025-05-20, not '" + value + "'");
        }
    }

    /** An ISO-8601 period such as P90D, P3M or P1Y; not negative. */
    static Period period(String name, String value) {
        try {
            Period period = Period.parse(value.trim());
            if (period.isNegative()) {
                throw Rejection.invalid("invalid-period", "'" + name + "' must not be negative, was '" + value + "'");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("invalid-period", "'" + name + "' must be an ISO-8601 period like P90D, not '" + value + "'");
        }
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("invalid-" + name, "'" + name + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    static String acronym(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
