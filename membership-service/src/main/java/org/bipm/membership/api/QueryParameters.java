package org.bipm.membership.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.bipm.platform.kernel.domain.Rejection;

/** Query parameters read by hand, so a bad value is a 400 problem rather than JAX-RS's 404. */
final class QueryParameters {

    private QueryParameters() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a date as YYYY-MM-DD, got '" + value + "'");
        }
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> invalid(name + " must be one of " + Arrays.toString(type.getEnumConstants())
                        + ", got '" + value + "'"));
    }

    private static Rejection invalid(String message) {
        return Rejection.invalid("invalid-query-parameter", message);
    }
}
