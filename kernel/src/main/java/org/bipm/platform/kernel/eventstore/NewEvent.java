package org.bipm.platform.kernel.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;

/** An event about to be appended: the store adds stream, version, position and recorded time. */
public record NewEvent(UUID eventId, String type, int schemaVersion, LocalDate effectiveDate,
                       ObjectNode data, EventMetadata metadata) {
}
