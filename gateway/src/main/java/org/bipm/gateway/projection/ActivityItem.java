package org.bipm.gateway.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One event as the activity feed shows it. */
public record ActivityItem(UUID eventId, String service, String type, String streamId, long version, String country,
                           LocalDate effectiveDate, Instant recordedAt, String summary) {
}
