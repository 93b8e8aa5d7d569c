package org.bipm.wmd.domain;

import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.Rmo;

/** What a communications officer asks of an edition; {@code on} is when the fact took effect. */
public sealed interface EditionCommand {

    FactDate on();

    record AnnounceEdition(int year, FactDate on) implements EditionCommand {
    }

    /** Sets the theme, or changes it while the edition is not published. */
    record SetTheme(String theme, FactDate on) implements EditionCommand {
    }

    record PublishEdition(FactDate on) implements EditionCommand {
    }

    record DesignatePosterPartner(String institute, String countryCode, Rmo rmo, FactDate on) implements EditionCommand {
    }

    record PublishPoster(FactDate on) implements EditionCommand {
    }

    record PublishPosterTranslation(String language, FactDate on) implements EditionCommand {
    }

    record RegisterCelebration(CelebrationDetails details, FactDate on) implements EditionCommand {
    }

    record UpdateCelebration(int celebrationId, CelebrationDetails details, FactDate on) implements EditionCommand {
    }

    record CancelCelebration(int celebrationId, String reason, FactDate on) implements EditionCommand {
    }

    record RecordSpecialEvent(String title, LocalDate startDate, LocalDate endDate, List<String> places, String url,
                              FactDate on) implements EditionCommand {
    }

    record ReportFigure(ReportedFigure.Measure measure, ReportedFigure.Qualifier qualifier, int value, String source,
                        FactDate on) implements EditionCommand {
    }
}
