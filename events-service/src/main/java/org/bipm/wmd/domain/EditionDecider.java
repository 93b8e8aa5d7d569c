package org.bipm.wmd.domain;

import java.util.List;
import java.util.Objects;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.EffectiveDates;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.wmd.domain.Edition.Announced;
import org.bipm.wmd.domain.Edition.Unannounced;
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

/**
 * The rules of a World Metrology Day edition: one edition per year; its theme may change until
 * the edition is published; a poster is translated into each language once; celebrations take
 * place in the edition's year and a cancelled one no longer changes; no fact takes effect before
 * the edition's latest one. Repeating what is already recorded changes nothing.
 */
public final class EditionDecider implements Decider<EditionCommand, Edition, EditionEvent> {

    /** The BIPM and the OIML have celebrated World Metrology Day since 2000. */
    public static final int FIRST_YEAR = 2000;

    @Override
    public Edition initialState() {
        return Edition.UNANNOUNCED;
    }

    @Override
    public List<EditionEvent> decide(EditionCommand command, Edition state) {
        return switch (state) {
            case Unannounced ignored -> switch (command) {
                case AnnounceEdition announce -> announce(announce);
                default -> throw Rejection.notFound("edition-not-found", "no World Metrology Day edition is announced for this year");
            };
            case Announced edition -> decide(command, edition);
        };
    }

    private static List<EditionEvent> decide(EditionCommand command, Announced edition) {
        if (!(command instanceof AnnounceEdition)) {
            EffectiveDates.requireNotBefore(edition.latest(), command.on().date());
        }
        FactDate on = command.on();
        return switch (command) {
            case AnnounceEdition ignored -> throw new Rejection("edition-already-announced",
                    "World Metrology Day " + edition.year() + " is already announced: one edition per year");
            case SetTheme set -> setTheme(set, edition);
            case PublishEdition ignored -> {
                if (edition.isPublished()) {
                    throw new Rejection("edition-already-published", "the " + edition.year() + " edition is already published");
                }
                if (edition.theme() == null) {
                    throw new Rejection("edition-without-theme", "an edition is published with its theme: set the theme first");
                }
                yield List.of(new EditionPublished(on.date(), on.precision()));
            }
            case DesignatePosterPartner designate -> designatePosterPartner(designate, edition);
            case PublishPoster ignored -> {
                if (edition.isPosterPublished()) {
                    throw posterAlreadyPublished(edition);
                }
                yield List.of(new PosterPublished(on.date(), on.precision()));
            }
            case PublishPosterTranslation translation -> publishTranslation(translation, edition);
            case RegisterCelebration register -> {
                CelebrationDetails details = checked(register.details(), edition);
                int id = edition.celebrations().size() + 1;
                yield List.of(new CelebrationRegistered(id, details.organizer(), details.countryCode(), details.city(),
                        details.online(), details.date(), details.title(), on.date(), on.precision()));
            }
            case UpdateCelebration update -> {
                Celebration celebration = changeable(update.celebrationId(), edition);
                CelebrationDetails details = checked(update.details(), edition);
                if (details.equals(celebration.details())) {
                    yield List.of();
                }
                yield List.of(new CelebrationUpdated(celebration.id(), details.organizer(), details.countryCode(),
                        details.city(), details.online(), details.date(), details.title(), on.date(), on.precision()));
            }
            case CancelCelebration cancel -> {
                Celebration celebration = changeable(cancel.celebrationId(), edition);
                yield List.of(new CelebrationCancelled(celebration.id(), cancel.reason(), on.date(), on.precision()));
            }
            case RecordSpecialEvent special -> recordSpecialEvent(special, edition);
            case ReportFigure report -> {
                if (report.value() < 0) {
                    throw Rejection.invalid("figure-negative", "a reported figure is a count, not " + report.value());
                }
                ReportedFigure current = edition.reportedFigures().get(report.measure());
                if (current != null && current.qualifier() == report.qualifier() && current.value() == report.value()
                        && Objects.equals(current.source(), report.source())) {
                    yield List.of();
                }
                yield List.of(new FigureReported(report.measure(), report.qualifier(), report.value(), report.source(),
                        on.date(), on.precision()));
            }
        };
    }

    private static List<EditionEvent> announce(AnnounceEdition announce) {
        if (announce.year() < FIRST_YEAR) {
            throw Rejection.invalid("edition-before-first-year",
                    "World Metrology Day is celebrated since " + FIRST_YEAR + ", not in " + announce.year());
        }
        return List.of(new EditionAnnounced(announce.year(), announce.on().date(), announce.on().precision()));
    }

    private static List<EditionEvent> setTheme(SetTheme set, Announced edition) {
        if (edition.isPublished()) {
            throw new Rejection("theme-locked-after-publication",
                    "the " + edition.year() + " edition is published: its theme \"" + edition.theme() + "\" no longer changes");
        }
        String theme = set.theme().strip();
        if (theme.equals(edition.theme())) {
            return List.of();
        }
        FactDate on = set.on();
        return List.of(edition.theme() == null
                ? new ThemeSet(theme, on.date(), on.precision())
                : new ThemeChanged(theme, edition.theme(), on.date(), on.precision()));
    }

    private static List<EditionEvent> designatePosterPartner(DesignatePosterPartner designate, Announced edition) {
        String institute = designate.institute() == null || designate.institute().isBlank() ? null : designate.institute().strip();
        if (institute == null && designate.rmo() == null) {
            throw Rejection.invalid("poster-partner-missing",
                    "name the institute making the poster, the RMO under whose auspices it is made, or both");
        }
        String country = designate.countryCode() == null ? null : IsoCodes.country(designate.countryCode());
        if (edition.isPosterPublished()) {
            throw posterAlreadyPublished(edition);
        }
        PosterPartner partner = new PosterPartner(institute, country, designate.rmo());
        if (partner.equals(edition.posterPartner())) {
            return List.of();
        }
        FactDate on = designate.on();
        return List.of(new PosterPartnerDesignated(institute, country, designate.rmo(), on.date(), on.precision()));
    }

    private static List<EditionEvent> publishTranslation(PublishPosterTranslation translation, Announced edition) {
        String language = IsoCodes.language(translation.language());
        if (!edition.isPosterPublished()) {
            throw new Rejection("poster-not-published", "the poster is translated once it is published");
        }
        if (edition.translations().contains(language)) {
            throw new Rejection("translation-already-published",
                    "the " + edition.year() + " poster is already published in '" + language + "'");
        }
        return List.of(new PosterTranslationPublished(language, translation.on().date(), translation.on().precision()));
    }

    private static List<EditionEvent> recordSpecialEvent(RecordSpecialEvent special, Announced edition) {
        if (special.endDate().isBefore(special.startDate())) {
            throw Rejection.invalid("special-event-ends-before-it-starts",
                    "a special event ending on " + special.endDate() + " cannot start on " + special.startDate());
        }
        if (special.startDate().getYear() != edition.year()) {
            throw new Rejection("special-event-outside-edition-year",
                    "a special event of the " + edition.year() + " edition starts in " + edition.year());
        }
        List<String> places = special.places().stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList();
        if (places.isEmpty()) {
            throw Rejection.invalid("special-event-place-missing", "name at least one place where the special event is held");
        }
        FactDate on = special.on();
        return List.of(new SpecialEventRecorded(special.title().strip(), special.startDate(), special.endDate(), places,
                special.url(), on.date(), on.precision()));
    }

    private static CelebrationDetails checked(CelebrationDetails details, Announced edition) {
        String city = details.city() == null || details.city().isBlank() ? null : details.city().strip();
        if (city == null && !details.online()) {
            throw Rejection.invalid("celebration-place-missing", "a celebration takes place in a city, online, or both");
        }
        String country = IsoCodes.country(details.countryCode());
        if (details.date().getYear() != edition.year()) {
            throw new Rejection("celebration-outside-edition-year",
                    "a celebration of the " + edition.year() + " edition takes place in " + edition.year() + ", not on " + details.date());
        }
        return new CelebrationDetails(details.organizer().strip(), country, city, details.online(), details.date(),
                details.title().strip());
    }

    private static Celebration changeable(int id, Announced edition) {
        Celebration celebration = edition.celebration(id).orElseThrow(() -> Rejection.notFound("celebration-not-found",
                "the " + edition.year() + " edition has no celebration " + id));
        if (celebration.isCancelled()) {
            throw new Rejection("celebration-cancelled", "celebration " + id + " of " + edition.year()
                    + " was cancelled on " + celebration.cancelled().date() + " and no longer changes");
        }
        return celebration;
    }

    private static Rejection posterAlreadyPublished(Announced edition) {
        return new Rejection("poster-already-published", "the " + edition.year() + " poster is already published");
    }

    @Override
    public Edition evolve(Edition state, EditionEvent event) {
        Announced edition = state instanceof Announced announced ? announced : null; // null only before EditionAnnounced
        Announced next = switch (event) {
            case EditionAnnounced announced -> Announced.of(announced.year(), announced.dated());
            case ThemeSet set -> edition.withTheme(set.theme());
            case ThemeChanged changed -> edition.withTheme(changed.theme());
            case EditionPublished published -> edition.withPublished(published.dated());
            case PosterPartnerDesignated designated ->
                    edition.withPosterPartner(new PosterPartner(designated.institute(), designated.countryCode(), designated.rmo()));
            case PosterPublished published -> edition.withPosterPublished(published.dated());
            case PosterTranslationPublished translation -> edition.withTranslation(translation.language());
            case CelebrationRegistered registered -> edition.withCelebration(new Celebration(registered.celebrationId(),
                    new CelebrationDetails(registered.organizer(), registered.countryCode(), registered.city(),
                            registered.online(), registered.date(), registered.title()),
                    registered.dated(), null, null));
            case CelebrationUpdated updated -> {
                Celebration before = edition.celebrations().get(updated.celebrationId());
                yield edition.withCelebration(new Celebration(updated.celebrationId(),
                        new CelebrationDetails(updated.organizer(), updated.countryCode(), updated.city(),
                                updated.online(), updated.date(), updated.title()),
                        before.registered(), null, null));
            }
            case CelebrationCancelled cancelled -> {
                Celebration before = edition.celebrations().get(cancelled.celebrationId());
                yield edition.withCelebration(new Celebration(before.id(), before.details(), before.registered(),
                        cancelled.dated(), cancelled.reason()));
            }
            case SpecialEventRecorded special -> edition.withSpecialEvent(new SpecialEvent(special.title(),
                    special.startDate(), special.endDate(), special.places(), special.url(), special.dated()));
            case FigureReported reported -> edition.withFigure(new ReportedFigure(reported.measure(),
                    reported.qualifier(), reported.value(), reported.source(), reported.dated()));
        };
        return next.withLatest(Objects.requireNonNull(event.effectiveDate()));
    }
}
