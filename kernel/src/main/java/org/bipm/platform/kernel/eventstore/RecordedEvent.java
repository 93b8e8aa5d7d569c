package org.bipm.platform.kernel.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event as stored and as published: this record, as JSON, is the value of every Kafka record.
 * {@code position} is its global position in the source service's store.
 */
public record RecordedEvent(UUID eventId, String streamId, long version, String type, int schemaVersion,
                            LocalDate effectiveDate, Instant recordedAt, ObjectNode data,
                            EventMetadata metadata, long position) {

    public RecordedEvent withData(int newSchemaVersion, ObjectNode newData) {
        return new RecordedEvent(eventId, streamId, version, type, newSchemaVersion, effectiveDate, recordedAt,
                newData, metadata, position);
    }
}
