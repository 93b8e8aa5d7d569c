package org.bipm.cbkt.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bipm.cbkt.config.CbktConfig;

/** Today's date where the BIPM works: the date of an application, and of any fact not dated by its request. */
@ApplicationScoped
public class Calendar {

    private final ZoneId zone;

    public Calendar(CbktConfig config) {
        this.zone = ZoneId.of(config.timeZone());
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The date a request gave, or today. */
    public LocalDate orToday(LocalDate date) {
        return date == null ? today() : date;
    }
}
