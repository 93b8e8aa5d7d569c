package org.bipm.gateway.projection;

import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.PoisonRecord;

/** {@code bipm.wmd.v1}: World Metrology Day editions (stream {@code WMD-<year>}), themes, translations, celebrations. */
final class WmdProjection implements ServiceProjection {

    @Override
    public Feed apply(Tables tables, RecordedEvent event) {
        int year = year(event);
        tables.update("insert into {s}.wmd_editions (year, stream_id, announced) values (?, ?, ?) on conflict do nothing",
                year, event.streamId(), event.effectiveDate());
        String country = Fields.text(event.data(), "countryCode");
        String detail = null;
        switch (event.type()) {
            case "ThemeSet", "ThemeChanged" -> {
                detail = Fields.required(event, "theme");
                tables.update("update {s}.wmd_editions set theme = ? where year = ?", detail, year);
            }
            case "EditionPublished" -> tables.update("update {s}.wmd_editions set published = true where year = ?", year);
            case "PosterTranslationPublished" -> {
                detail = Fields.required(event, "language");
                tables.update("insert into {s}.wmd_translations (year, language, effective_date) values (?, ?, ?) on conflict do nothing",
                        year, detail, event.effectiveDate());
            }
            case "CelebrationRegistered", "CelebrationUpdated" -> {
                detail = Fields.text(event.data(), "city", "organizer");
                tables.update("insert into {s}.wmd_celebrations (year, celebration_id, organizer, country, city, online, date, registered) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (year, celebration_id) do update set "
                                + "organizer = excluded.organizer, country = excluded.country, city = excluded.city, "
                                + "online = excluded.online, date = excluded.date",
                        year, celebration(event), Fields.text(event.data(), "organizer"), country,
                        Fields.text(event.data(), "city"), Boolean.TRUE.equals(Fields.bool(event.data(), "online")),
                        Fields.date(event, "date"), event.effectiveDate());
            }
            case "CelebrationCancelled" -> tables.update(
                    "update {s}.wmd_celebrations set cancelled = ? where year = ? and celebration_id = ?",
                    event.effectiveDate(), year, celebration(event));
            default -> detail = Fields.text(event.data(), "title", "institute");
        }
        return new Feed(country, ServiceProjection.line(event.type(), Integer.toString(year), detail, country));
    }

    private static int celebration(RecordedEvent event) {
        Integer id = Fields.integer(event, "celebrationId");
        if (id == null) {
            throw new PoisonRecord(event.type() + " " + event.eventId() + " lacks celebrationId");
        }
        return id;
    }

    /** From the announcement, else from the stream id {@code WMD-<year>}. */
    private static int year(RecordedEvent event) {
        Integer year = Fields.integer(event, "year");
        if (year != null) {
            return year;
        }
        String digits = event.streamId().replaceAll("\\D", "");
        if (digits.length() != 4) {
            throw new PoisonRecord(event.type() + " " + event.eventId() + ": no edition year in stream " + event.streamId());
        }
        return Integer.parseInt(digits);
    }
}
