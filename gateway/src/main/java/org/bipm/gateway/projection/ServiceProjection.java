package org.bipm.gateway.projection;

import org.bipm.platform.kernel.eventstore.RecordedEvent;

/** What the events of one service's topic do to the read models. */
interface ServiceProjection {

    /** Applies the event and says how the activity feed shows it. */
    Feed apply(Tables tables, RecordedEvent event);

    /** The country an event concerns, if any, and one line about it: never personal data. */
    record Feed(String country, String summary) {
    }

    /** {@code AccededToConvention} → {@code Acceded to convention}. */
    static String words(String type) {
        String spaced = type.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String line(String type, String... parts) {
        StringBuilder line = new StringBuilder(words(type));
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                line.append(" · ").append(part);
            }
        }
        return line.length() > 200 ? line.substring(0, 200) : line.toString();
    }
}
