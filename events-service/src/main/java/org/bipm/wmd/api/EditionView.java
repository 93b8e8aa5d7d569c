package org.bipm.wmd.api;

import java.time.LocalDate;
import java.util.List;
import org.bipm.wmd.domain.FactDate;
import org.bipm.wmd.domain.ReportedFigure;
import org.bipm.wmd.domain.SpecialEvent;
import org.bipm.wmd.projection.CelebrationView;
import org.bipm.wmd.projection.CountryCount;
import org.bipm.wmd.projection.EditionSummary;
import org.bipm.wmd.projection.Page;

/** One edition with its celebrations: counts by country and one page of the list (optionally one country's). */
public record EditionView(int year, String streamId, LocalDate day, EditionSummary.Status status, String theme,
                          FactDate announced, FactDate published, EditionSummary.Poster poster,
                          List<SpecialEvent> specialEvents, List<ReportedFigure> reportedFigures, long version,
                          Celebrations celebrations) {

    /**
     * {@code total}: celebrations not cancelled; {@code byCountry}: the same, per country;
     * {@code country}, {@code page}, {@code size}, {@code matching}, {@code items}: the page asked for.
     */
    public record Celebrations(long total, List<CountryCount> byCountry, String country, int page, int size,
                               long matching, List<CelebrationView> items) {
    }

    static EditionView of(EditionSummary edition, List<CountryCount> byCountry, String country,
                          Page<CelebrationView> celebrations) {
        return new EditionView(edition.year(), edition.streamId(), edition.day(), edition.status(), edition.theme(),
                edition.announced(), edition.published(), edition.poster(), edition.specialEvents(),
                edition.reportedFigures(), edition.version(),
                new Celebrations(byCountry.stream().mapToLong(CountryCount::celebrations).sum(), byCountry, country,
                        celebrations.page(), celebrations.size(), celebrations.total(), celebrations.items()));
    }
}
