package org.bipm.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.PoisonRecord;

/**
 * Reads what a projection needs from an event's data: strict on what it needs (missing or
 * malformed → {@link PoisonRecord}, so the record goes to the DLQ), blind to everything else.
 */
final class Fields {

    private Fields() {
    }

    /** The first of {@code names} present as text, or null; a name may be a path ({@code nomination/rmo}). */
    static String text(JsonNode data, String... names) {
        for (String name : names) {
            JsonNode node = name.contains("/") ? data.at("/" + name) : data.get(name);
            if (node != null && !node.isNull() && !node.isMissingNode()) {
                if (node.isObject()) {
                    // a reference such as {"acronym": "ISO", "name": ...}: its short form
                    String inner = text(node, "acronym", "code", "id", "name");
                    if (inner != null) {
                        return inner;
                    }
                    continue;
                }
                if (!node.asText().isBlank()) {
                    return node.asText();
                }
            }
        }
        return null;
    }

    static String required(RecordedEvent event, String... names) {
        String value = text(event.data(), names);
        if (value == null) {
            throw new PoisonRecord(event.type() + " " + event.eventId() + " lacks " + String.join(" / ", names));
        }
        return value;
    }

    static LocalDate date(RecordedEvent event, String... names) {
        String value = text(event.data(), names);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonRecord(event.type() + " " + event.eventId() + ": " + String.join(" / ", names) + " is not a date");
        }
    }

    static Integer integer(RecordedEvent event, String... names) {
        String value = text(event.data(), names);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new PoisonRecord(event.type() + " " + event.eventId() + ": " + String.join(" / ", names) + " is not a number");
        }
    }

    static Boolean bool(JsonNode data, String name) {
        JsonNode node = data.get(name);
        return node == null || node.isNull() ? null : node.asBoolean();
    }
}
