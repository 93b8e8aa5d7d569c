package org.bipm.cbkt.api;

import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.QueryParameters;

/** The one query parameter kind the kernel's {@link QueryParameters} does not read: a year. */
final class Parameters {

    private Parameters() {
    }

    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{4}")) {
            throw Rejection.invalid(QueryParameters.INVALID, "query parameter 'year' must be four digits like 2023, not '" + value + "'");
        }
        return Integer.valueOf(value.strip());
    }
}
