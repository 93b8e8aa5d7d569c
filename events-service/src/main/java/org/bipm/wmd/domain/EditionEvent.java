package org.bipm.wmd.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DomainEvent;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * The facts of one World Metrology Day edition (stream {@code WMD-<year>}). Each took effect on
 * {@code effectiveDate}, known to the {@code datePrecision} given.
 */
public sealed interface EditionEvent extends DomainEvent {

    DatePrecision datePrecision();

    default FactDate dated() {
        return new FactDate(effectiveDate(), datePrecision());
    }

    record EditionAnnounced(int year, LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }

    /** The edition's first theme. */
    record ThemeSet(String theme, LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }

    record ThemeChanged(String theme, String previousTheme, LocalDate effectiveDate, DatePrecision datePrecision)
            implements EditionEvent {
    }

    /** The edition is public with its theme, which is final from now on. */
    record EditionPublished(LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }

    /** The poster is made by an institute (of a country), under an RMO's auspices, or both. */
    record PosterPartnerDesignated(String institute, String countryCode, Rmo rmo,
                                   LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }

    record PosterPublished(LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }

    /** {@code language} is an ISO 639-1 code, lower case. */
    record PosterTranslationPublished(String language, LocalDate effectiveDate, DatePrecision datePrecision)
            implements EditionEvent {
    }

    /**
     * A celebration somewhere in the world, numbered within the edition from 1. In a city, online
     * ({@code city} null), or both. {@code date} is the day it takes place, in the edition's year.
     */
    record CelebrationRegistered(int celebrationId, String organizer, String countryCode, String city, boolean online,
                                 LocalDate date, String title, LocalDate effectiveDate, DatePrecision datePrecision)
            implements EditionEvent {
    }

    /** The celebration's details as they now stand (all of them, not only those that changed). */
    record CelebrationUpdated(int celebrationId, String organizer, String countryCode, String city, boolean online,
                              LocalDate date, String title, LocalDate effectiveDate, DatePrecision datePrecision)
            implements EditionEvent {
    }

    record CelebrationCancelled(int celebrationId, String reason, LocalDate effectiveDate, DatePrecision datePrecision)
            implements EditionEvent {
    }

    /** An event of the edition beyond the celebrations, e.g. the 150th anniversary of the Metre Convention. */
    record SpecialEventRecorded(String title, LocalDate startDate, LocalDate endDate, List<String> places, String url,
                                LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }

    /**
     * A figure a source reports about the edition ("more than 30 events") without listing what it
     * counts; it stands beside the celebrations and translations actually recorded, never in their place.
     */
    record FigureReported(ReportedFigure.Measure measure, ReportedFigure.Qualifier qualifier, int value, String source,
                          LocalDate effectiveDate, DatePrecision datePrecision) implements EditionEvent {
    }
}
