package org.bipm.platform.kernel.http;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * Query parameters taken as strings and parsed here, so a bad value is a 400 problem naming the
 * parameter ({@code urn:bipm:problem:invalid-query-parameter}) — JAX-RS would answer 404 for a
 * query parameter it cannot convert. Absent or blank values are {@code null}.
 */
public final class QueryParameters {

    public static final String INVALID = "invalid-query-parameter";

    private QueryParameters() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name, "a date like 2025-05-20", value);
        }
    }

    /** An ISO-8601 period such as P90D, P3M or P1Y; never negative. */
    public static Period period(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Period period = Period.parse(value.strip());
            if (!period.isNegative()) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(name, "a non-negative ISO-8601 period like P90D", value);
    }

    /** One of an enum's constants, in any case. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "one of " + Arrays.toString(type.getEnumConstants()), value);
        }
    }

    private static Rejection invalid(String name, String expected, String value) {
        return Rejection.invalid(INVALID, "query parameter '" + name + "' must be " + expected + ", not '" + value + "'");
    }
}
