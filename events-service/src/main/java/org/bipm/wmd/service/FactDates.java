package org.bipm.wmd.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.wmd.domain.FactDate;

/** The date of a fact a request states, or today at the BIPM (Sèvres) when it states none. */
@ApplicationScoped
public class FactDates {

    private final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    public FactDate of(LocalDate effectiveDate, DatePrecision precision) {
        return new FactDate(effectiveDate == null ? LocalDate.now(clock) : effectiveDate, precision);
    }
}
