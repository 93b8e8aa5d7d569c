package org.bipm.platform.kernel.domain;

import java.time.LocalDate;

/** The rule most streams share: a new fact may not take effect before the stream's latest fact. */
public final class EffectiveDates {

    private EffectiveDates() {
    }

    public static void requireNotBefore(LocalDate latest, LocalDate effectiveDate) {
        if (effectiveDate == null) {
            throw Rejection.invalid("effective-date-missing", "an effective date is required");
        }
        if (latest != null && effectiveDate.isBefore(latest)) {
            throw new Rejection("effective-date-before-latest-fact",
                    "effective date " + effectiveDate + " is earlier than the latest recorded fact (" + latest + ")");
        }
    }
}
