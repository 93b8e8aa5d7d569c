package org.bipm.wmd.projection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.bipm.wmd.domain.Edition;
import org.bipm.wmd.domain.FactDate;
import org.bipm.wmd.domain.PosterPartner;
import org.bipm.wmd.domain.ReportedFigure;
import org.bipm.wmd.domain.SpecialEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An edition as the public reads it, without its celebrations (served apart, paged).
 * {@code version} is the stream version it reflects; {@code reportedFigures} are counts sources
 * state ("more than 30 events"), not counts of what is recorded here.
 */
public record EditionSummary(int year, String streamId, LocalDate day, Status status, String theme,
                             FactDate announced, FactDate published, Poster poster, List<SpecialEvent> specialEvents,
                             List<ReportedFigure> reportedFigures, long version) {

    @Schema(name = "EditionStatus")
    public enum Status { ANNOUNCED, PUBLISHED }

    /** The poster's partner, publication and translations (ISO 639-1 codes, sorted). */
    @Schema(name = "EditionPoster")
    public record Poster(PosterPartner partner, FactDate published, int translationCount, List<String> languages) {
    }

    static EditionSummary of(Edition.Announced edition, long version) {
        return new EditionSummary(edition.year(), Edition.streamId(edition.year()), edition.day(),
                edition.isPublished() ? Status.PUBLISHED : Status.ANNOUNCED, edition.theme(),
                edition.announced(), edition.published(),
                new Poster(edition.posterPartner(), edition.posterPublished(), edition.translations().size(),
                        edition.translations().stream().sorted().toList()),
                edition.specialEvents().stream().sorted(Comparator.comparing(SpecialEvent::startDate)).toList(),
                List.copyOf(edition.reportedFigures().values()), version);
    }
}
