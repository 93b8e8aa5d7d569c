package org.bipm.wmd.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DeciderSpec;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.wmd.domain.EditionCommand.AnnounceEdition;
import org.bipm.wmd.domain.EditionCommand.CancelCelebration;
import org.bipm.wmd.domain.EditionCommand.DesignatePosterPartner;
import org.bipm.wmd.domain.EditionCommand.PublishEdition;
import org.bipm.wmd.domain.EditionCommand.PublishPoster;
import org.bipm.wmd.domain.EditionCommand.PublishPosterTranslation;
import org.bipm.wmd.domain.EditionCommand.RecordSpecialEvent;
import org.bipm.wmd.domain.EditionCommand.RegisterCelebration;
import org.bipm.wmd.domain.EditionCommand.ReportFigure;
import org.bipm.wmd.domain.EditionCommand.SetTheme;
import org.bipm.wmd.domain.EditionCommand.UpdateCelebration;
import org.bipm.wmd.domain.EditionEvent.CelebrationCancelled;
import org.bipm.wmd.domain.EditionEvent.CelebrationRegistered;
import org.bipm.wmd.domain.EditionEvent.CelebrationUpdated;
import org.bipm.wmd.domain.EditionEvent.EditionAnnounced;
import org.bipm.wmd.domain.EditionEvent.EditionPublished;
import org.bipm.wmd.domain.EditionEvent.FigureReported;
import org.bipm.wmd.domain.EditionEvent.PosterPartnerDesignated;
import org.bipm.wmd.domain.EditionEvent.PosterPublished;
import org.bipm.wmd.domain.EditionEvent.PosterTranslationPublished;
import org.bipm.wmd.domain.EditionEvent.SpecialEventRecorded;
import org.bipm.wmd.domain.EditionEvent.ThemeChanged;
import org.bipm.wmd.domain.EditionEvent.ThemeSet;
import org.bipm.wmd.domain.ReportedFigure.Measure;
import org.bipm.wmd.domain.ReportedFigure.Qualifier;
import org.junit.jupiter.api.Test;

class EditionDeciderTest {

    private static final DeciderSpec<EditionCommand, Edition, EditionEvent> EDITION = DeciderSpec.of(new EditionDecider());
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private static final LocalDate MARCH = LocalDate.of(2024, 3, 4);
    private static final LocalDate MAY_20 = LocalDate.of(2024, 5, 20);
    private static final DatePrecision DAY = DatePrecision.DAY;

    private static final EditionAnnounced ANNOUNCED = new EditionAnnounced(2024, JAN, DatePrecision.YEAR);
    private static final ThemeSet THEMED = new ThemeSet("Sustainability", JAN, DatePrecision.YEAR);
    private static final EditionPublished PUBLISHED = new EditionPublished(MARCH, DAY);
    private static final PosterPublished POSTER = new PosterPublished(MARCH, DAY);
    private static final CelebrationRegistered OPEN_DAY = new CelebrationRegistered(1, "INTI", "AR", "Buenos Aires", false,
            MAY_20, "Open day", MARCH, DAY);

    private static FactDate on(LocalDate date) {
        return FactDate.day(date);
    }

    private static CelebrationDetails details(String country, String city, boolean online, LocalDate date) {
        return new CelebrationDetails("NMI", country, city, online, date, "Metrology fair");
    }

    // --- editions --------------------------------------------------------------------------------

    @Test
    void announces_an_edition_for_a_year() {
        Edition after = EDITION.given().when(new AnnounceEdition(2024, new FactDate(JAN, DatePrecision.YEAR)))
                .then(ANNOUNCED);
        assertThat(((Edition.Announced) after).day()).isEqualTo(MAY_20);
    }

    @Test
    void refuses_a_second_edition_for_the_same_year() {
        EDITION.given(ANNOUNCED).when(new AnnounceEdition(2024, on(MARCH))).thenRejected("edition-already-announced");
    }

    @Test
    void refuses_an_edition_before_the_first_world_metrology_day_in_2000() {
        EDITION.given().when(new AnnounceEdition(1999, on(LocalDate.of(1999, 5, 1)))).thenRejected("edition-before-first-year");
    }

    @Test
    void refuses_any_other_command_for_a_year_without_an_edition() {
        EDITION.given().when(new SetTheme("Sustainability", on(JAN))).thenRejected("edition-not-found");
        EDITION.given().when(new RegisterCelebration(details("AR", "Rosario", false, MAY_20), on(JAN)))
                .thenRejected("edition-not-found");
    }

    // --- theme -----------------------------------------------------------------------------------

    @Test
    void sets_a_first_theme_then_records_a_change_with_the_previous_one() {
        EDITION.given(ANNOUNCED).when(new SetTheme("  Sustainability ", new FactDate(JAN, DatePrecision.YEAR))).then(THEMED);
        EDITION.given(ANNOUNCED, THEMED).when(new SetTheme("Metrology for sustainability", on(MARCH)))
                .then(new ThemeChanged("Metrology for sustainability", "Sustainability", MARCH, DAY));
    }

    @Test
    void setting_the_same_theme_again_changes_nothing() {
        EDITION.given(ANNOUNCED, THEMED).when(new SetTheme("Sustainability", on(MARCH))).then();
    }

    @Test
    void refuses_a_theme_change_after_publication() {
        EDITION.given(ANNOUNCED, THEMED, PUBLISHED).when(new SetTheme("Another theme", on(MAY_20)))
                .thenRejected("theme-locked-after-publication");
    }

    // --- publication -----------------------------------------------------------------------------

    @Test
    void publishes_an_edition_with_a_theme() {
        Edition after = EDITION.given(ANNOUNCED, THEMED).when(new PublishEdition(on(MARCH))).then(PUBLISHED);
        assertThat(((Edition.Announced) after).isPublished()).isTrue();
    }

    @Test
    void refuses_to_publish_an_edition_without_a_theme() {
        EDITION.given(ANNOUNCED).when(new PublishEdition(on(MARCH))).thenRejected("edition-without-theme");
    }

    @Test
    void refuses_to_publish_an_edition_twice() {
        EDITION.given(ANNOUNCED, THEMED, PUBLISHED).when(new PublishEdition(on(MAY_20))).thenRejected("edition-already-published");
    }

    // --- poster ----------------------------------------------------------------------------------

    @Test
    void designates_an_institute_under_an_rmos_auspices_as_poster_partner() {
        EDITION.given(ANNOUNCED).when(new DesignatePosterPartner(" INTI ", "ar", Rmo.SIM, on(MARCH)))
                .then(new PosterPartnerDesignated("INTI", "AR", Rmo.SIM, MARCH, DAY));
    }

    @Test
    void designates_an_rmo_alone_or_an_institute_alone() {
        EDITION.given(ANNOUNCED).when(new DesignatePosterPartner(null, null, Rmo.COOMET, on(MARCH)))
                .then(new PosterPartnerDesignated(null, null, Rmo.COOMET, MARCH, DAY));
        EDITION.given(ANNOUNCED).when(new DesignatePosterPartner("National Metrology Institute of Türkiye", "TR", null, on(MARCH)))
                .then(new PosterPartnerDesignated("National Metrology Institute of Türkiye", "TR", null, MARCH, DAY));
    }

    @Test
    void refuses_a_poster_partner_that_names_nobody() {
        EDITION.given(ANNOUNCED).when(new DesignatePosterPartner(" ", "AR", null, on(MARCH))).thenRejected("poster-partner-missing");
    }

    @Test
    void refuses_a_poster_partner_from_an_unknown_country() {
        EDITION.given(ANNOUNCED).when(new DesignatePosterPartner("NMI", "XX", null, on(MARCH))).thenRejected("unknown-country");
    }

    @Test
    void refuses_to_change_the_poster_partner_once_the_poster_is_published() {
        EDITION.given(ANNOUNCED, POSTER).when(new DesignatePosterPartner("INTI", "AR", null, on(MAY_20)))
                .thenRejected("poster-already-published");
    }

    @Test
    void refuses_to_publish_the_poster_twice() {
        EDITION.given(ANNOUNCED).when(new PublishPoster(on(MARCH))).then(POSTER);
        EDITION.given(ANNOUNCED, POSTER).when(new PublishPoster(on(MAY_20))).thenRejected("poster-already-published");
    }

    // --- translations ----------------------------------------------------------------------------

    @Test
    void publishes_a_translation_of_the_poster_by_iso_639_code() {
        Edition after = EDITION.given(ANNOUNCED, POSTER).when(new PublishPosterTranslation("ES", on(MARCH)))
                .then(new PosterTranslationPublished("es", MARCH, DAY));
        assertThat(((Edition.Announced) after).translations()).containsExactly("es");
    }

    @Test
    void refuses_a_second_translation_in_the_same_language() {
        EDITION.given(ANNOUNCED, POSTER, new PosterTranslationPublished("fr", MARCH, DAY))
                .when(new PublishPosterTranslation("fr", on(MAY_20))).thenRejected("translation-already-published");
    }

    @Test
    void refuses_a_translation_in_an_unknown_language() {
        EDITION.given(ANNOUNCED, POSTER).when(new PublishPosterTranslation("xx", on(MARCH))).thenRejected("unknown-language");
        EDITION.given(ANNOUNCED, POSTER).when(new PublishPosterTranslation("english", on(MARCH))).thenRejected("unknown-language");
    }

    @Test
    void refuses_a_translation_before_the_poster_is_published() {
        EDITION.given(ANNOUNCED).when(new PublishPosterTranslation("fr", on(MARCH))).thenRejected("poster-not-published");
    }

    // --- celebrations ----------------------------------------------------------------------------

    @Test
    void registers_celebrations_numbered_within_the_edition() {
        EDITION.given(ANNOUNCED).when(new RegisterCelebration(
                        new CelebrationDetails(" INTI ", "ar", "Buenos Aires", false, MAY_20, " Open day "), on(MARCH)))
                .then(OPEN_DAY);
        EDITION.given(ANNOUNCED, OPEN_DAY).when(new RegisterCelebration(details("KE", null, true, MAY_20), on(MARCH)))
                .then(new CelebrationRegistered(2, "NMI", "KE", null, true, MAY_20, "Metrology fair", MARCH, DAY));
    }

    @Test
    void refuses_a_celebration_outside_the_editions_year() {
        EDITION.given(ANNOUNCED).when(new RegisterCelebration(details("AR", "Rosario", false, LocalDate.of(2025, 5, 20)), on(MARCH)))
                .thenRejected("celebration-outside-edition-year");
        EDITION.given(ANNOUNCED).when(new RegisterCelebration(details("AR", "Rosario", false, LocalDate.of(2023, 12, 31)), on(MARCH)))
                .thenRejected("celebration-outside-edition-year");
    }

    @Test
    void refuses_a_celebration_neither_in_a_city_nor_online() {
        EDITION.given(ANNOUNCED).when(new RegisterCelebration(details("AR", " ", false, MAY_20), on(MARCH)))
                .thenRejected("celebration-place-missing");
    }

    @Test
    void refuses_a_celebration_in_an_unknown_country() {
        EDITION.given(ANNOUNCED).when(new RegisterCelebration(details("ZZ", "Nowhere", false, MAY_20), on(MARCH)))
                .thenRejected("unknown-country");
    }

    @Test
    void updates_a_celebration_with_all_its_details() {
        EDITION.given(ANNOUNCED, OPEN_DAY).when(new UpdateCelebration(1,
                        new CelebrationDetails("INTI", "AR", "Buenos Aires", true, MAY_20, "Open day"), on(MAY_20)))
                .then(new CelebrationUpdated(1, "INTI", "AR", "Buenos Aires", true, MAY_20, "Open day", MAY_20, DAY));
    }

    @Test
    void an_update_that_changes_nothing_records_nothing() {
        EDITION.given(ANNOUNCED, OPEN_DAY).when(new UpdateCelebration(1,
                new CelebrationDetails("INTI", "AR", "Buenos Aires", false, MAY_20, "Open day"), on(MAY_20))).then();
    }

    @Test
    void refuses_to_move_a_celebration_out_of_the_editions_year() {
        EDITION.given(ANNOUNCED, OPEN_DAY).when(new UpdateCelebration(1,
                        details("AR", "Buenos Aires", false, LocalDate.of(2025, 1, 2)), on(MAY_20)))
                .thenRejected("celebration-outside-edition-year");
    }

    @Test
    void cancels_a_celebration_which_then_stays_on_record() {
        Edition after = EDITION.given(ANNOUNCED, OPEN_DAY).when(new CancelCelebration(1, "storm", on(MAY_20)))
                .then(new CelebrationCancelled(1, "storm", MAY_20, DAY));
        Celebration cancelled = ((Edition.Announced) after).celebration(1).orElseThrow();
        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelled.details().city()).isEqualTo("Buenos Aires");
    }

    @Test
    void refuses_changes_to_a_cancelled_celebration() {
        CelebrationCancelled cancelled = new CelebrationCancelled(1, "storm", MAY_20, DAY);
        EDITION.given(ANNOUNCED, OPEN_DAY, cancelled).when(new UpdateCelebration(1,
                details("AR", "Rosario", false, MAY_20), on(MAY_20))).thenRejected("celebration-cancelled");
        EDITION.given(ANNOUNCED, OPEN_DAY, cancelled).when(new CancelCelebration(1, "again", on(MAY_20)))
                .thenRejected("celebration-cancelled");
    }

    @Test
    void refuses_changes_to_a_celebration_that_was_never_registered() {
        EDITION.given(ANNOUNCED, OPEN_DAY).when(new CancelCelebration(2, null, on(MAY_20))).thenRejected("celebration-not-found");
    }

    @Test
    void a_cancelled_celebration_keeps_its_number() {
        EDITION.given(ANNOUNCED, OPEN_DAY, new CelebrationCancelled(1, null, MAY_20, DAY))
                .when(new RegisterCelebration(details("AR", "Rosario", false, MAY_20), on(MAY_20)))
                .then(new CelebrationRegistered(2, "NMI", "AR", "Rosario", false, MAY_20, "Metrology fair", MAY_20, DAY));
    }

    // --- special events and reported figures -----------------------------------------------------

    @Test
    void records_a_special_event_over_several_days_and_places() {
        EditionAnnounced announced2025 = new EditionAnnounced(2025, LocalDate.of(2025, 1, 1), DatePrecision.YEAR);
        LocalDate feb = LocalDate.of(2025, 2, 1);
        EDITION.given(announced2025).when(new RecordSpecialEvent(" 150 years of the Metre Convention ",
                        LocalDate.of(2025, 5, 20), LocalDate.of(2025, 5, 22), List.of("Paris", " Versailles", "Paris"),
                        null, new FactDate(feb, DatePrecision.MONTH)))
                .then(new SpecialEventRecorded("150 years of the Metre Convention", LocalDate.of(2025, 5, 20),
                        LocalDate.of(2025, 5, 22), List.of("Paris", "Versailles"), null, feb, DatePrecision.MONTH));
    }

    @Test
    void refuses_a_special_event_that_ends_before_it_starts() {
        EDITION.given(ANNOUNCED).when(new RecordSpecialEvent("Reception", MAY_20, MAY_20.minusDays(1), List.of("UNESCO"), null, on(MARCH)))
                .thenRejected("special-event-ends-before-it-starts");
    }

    @Test
    void refuses_a_special_event_outside_the_editions_year() {
        EDITION.given(ANNOUNCED).when(new RecordSpecialEvent("Reception", LocalDate.of(2023, 5, 20), LocalDate.of(2023, 5, 20),
                List.of("UNESCO"), null, on(MARCH))).thenRejected("special-event-outside-edition-year");
    }

    @Test
    void refuses_a_special_event_without_a_place() {
        EDITION.given(ANNOUNCED).when(new RecordSpecialEvent("Reception", MAY_20, MAY_20, List.of(" "), null, on(MARCH)))
                .thenRejected("special-event-place-missing");
    }

    @Test
    void notes_a_reported_figure_and_replaces_it_with_a_later_report() {
        FigureReported first = new FigureReported(Measure.CELEBRATIONS, Qualifier.MORE_THAN, 30, "report A", MARCH, DAY);
        EDITION.given(ANNOUNCED).when(new ReportFigure(Measure.CELEBRATIONS, Qualifier.MORE_THAN, 30, "report A", on(MARCH)))
                .then(first);
        Edition after = EDITION.given(ANNOUNCED, first)
                .when(new ReportFigure(Measure.CELEBRATIONS, Qualifier.EXACTLY, 34, "report B", on(MAY_20)))
                .then(new FigureReported(Measure.CELEBRATIONS, Qualifier.EXACTLY, 34, "report B", MAY_20, DAY));
        assertThat(((Edition.Announced) after).reportedFigures().get(Measure.CELEBRATIONS).value()).isEqualTo(34);
        assertThat(((Edition.Announced) after).celebrations()).isEmpty();
    }

    @Test
    void refuses_a_negative_reported_figure() {
        EDITION.given(ANNOUNCED).when(new ReportFigure(Measure.CELEBRATIONS, Qualifier.EXACTLY, -1, "report", on(MARCH)))
                .thenRejected("figure-negative");
    }

    // --- dates -----------------------------------------------------------------------------------

    @Test
    void refuses_a_fact_dated_before_the_editions_latest_fact() {
        EDITION.given(ANNOUNCED, THEMED, new PosterPublished(MAY_20, DAY))
                .when(new PublishPosterTranslation("fr", on(MARCH))).thenRejected("effective-date-before-latest-fact");
    }

    @Test
    void a_month_or_year_date_is_the_first_day_of_its_period_so_no_day_is_invented() {
        assertThat(new FactDate(LocalDate.of(2023, 3, 1), DatePrecision.MONTH).precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(new FactDate(LocalDate.of(2022, 1, 1), DatePrecision.YEAR).precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(new FactDate(MARCH, null).precision()).isEqualTo(DatePrecision.DAY);
        assertThatThrownBy(() -> new FactDate(LocalDate.of(2023, 3, 15), DatePrecision.MONTH))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("date-precision-mismatch"));
        assertThatThrownBy(() -> new FactDate(LocalDate.of(2022, 5, 1), DatePrecision.YEAR))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("date-precision-mismatch"));
        assertThatThrownBy(() -> new FactDate(null, DatePrecision.DAY))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("effective-date-missing"));
    }
}
