package org.bipm.wmd.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One year's World Metrology Day, folded from its facts. */
public sealed interface Edition {

    /** 20 May: the Metre Convention was signed on 20 May 1875. */
    MonthDay WORLD_METROLOGY_DAY = MonthDay.of(5, 20);

    Edition UNANNOUNCED = new Unannounced();

    /** One stream per edition: {@code WMD-2024}. */
    static String streamId(int year) {
        return "WMD-" + year;
    }

    record Unannounced() implements Edition {
    }

    /**
     * An announced edition. {@code translations} are ISO 639-1 codes in the order they were published;
     * {@code latest} is the effective date of its latest fact.
     */
    record Announced(int year, FactDate announced, String theme, FactDate published,
                     PosterPartner posterPartner, FactDate posterPublished, List<String> translations,
                     SortedMap<Integer, Celebration> celebrations, List<SpecialEvent> specialEvents,
                     Map<ReportedFigure.Measure, ReportedFigure> reportedFigures, LocalDate latest) implements Edition {

        public Announced {
            translations = List.copyOf(translations);
            celebrations = Collections.unmodifiableSortedMap(new TreeMap<>(celebrations));
            specialEvents = List.copyOf(specialEvents);
            reportedFigures = reportedFigures.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new EnumMap<>(reportedFigures));
        }

        static Announced of(int year, FactDate announced) {
            return new Announced(year, announced, null, null, null, null, List.of(), new TreeMap<>(), List.of(),
                    Map.of(), announced.date());
        }

        public LocalDate day() {
            return WORLD_METROLOGY_DAY.atYear(year);
        }

        public boolean isPublished() {
            return published != null;
        }

        public boolean isPosterPublished() {
            return posterPublished != null;
        }

        public Optional<Celebration> celebration(int id) {
            return Optional.ofNullable(celebrations.get(id));
        }

        Announced withTheme(String newTheme) {
            return new Announced(year, announced, newTheme, published, posterPartner, posterPublished, translations,
                    celebrations, specialEvents, reportedFigures, latest);
        }

        Announced withPublished(FactDate on) {
            return new Announced(year, announced, theme, on, posterPartner, posterPublished, translations,
                    celebrations, specialEvents, reportedFigures, latest);
        }

        Announced withPosterPartner(PosterPartner partner) {
            return new Announced(year, announced, theme, published, partner, posterPublished, translations,
                    celebrations, specialEvents, reportedFigures, latest);
        }

        Announced withPosterPublished(FactDate on) {
            return new Announced(year, announced, theme, published, posterPartner, on, translations,
                    celebrations, specialEvents, reportedFigures, latest);
        }

        Announced withTranslation(String language) {
            List<String> more = new ArrayList<>(translations);
            more.add(language);
            return new Announced(year, announced, theme, published, posterPartner, posterPublished, more,
                    celebrations, specialEvents, reportedFigures, latest);
        }

        Announced withCelebration(Celebration celebration) {
            SortedMap<Integer, Celebration> more = new TreeMap<>(celebrations);
            more.put(celebration.id(), celebration);
            return new Announced(year, announced, theme, published, posterPartner, posterPublished, translations,
                    more, specialEvents, reportedFigures, latest);
        }

        Announced withSpecialEvent(SpecialEvent event) {
            List<SpecialEvent> more = new ArrayList<>(specialEvents);
            more.add(event);
            return new Announced(year, announced, theme, published, posterPartner, posterPublished, translations,
                    celebrations, more, reportedFigures, latest);
        }

        Announced withFigure(ReportedFigure figure) {
            Map<ReportedFigure.Measure, ReportedFigure> more = new EnumMap<>(ReportedFigure.Measure.class);
            more.putAll(reportedFigures);
            more.put(figure.measure(), figure);
            return new Announced(year, announced, theme, published, posterPartner, posterPublished, translations,
                    celebrations, specialEvents, more, latest);
        }

        Announced withLatest(LocalDate date) {
            return new Announced(year, announced, theme, published, posterPartner, posterPublished, translations,
                    celebrations, specialEvents, reportedFigures, date);
        }
    }
}
