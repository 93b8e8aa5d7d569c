package org.bipm.platform.kernel.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.UUID;

/**
 * The answer to every write: the stream, its version after the write, whether the write created
 * it, and the events it appended (none when the command changed nothing). Stored with its
 * Idempotency-Key so a retry gets exactly this answer again.
 */
public record WriteReceipt(String streamId, long version, boolean created, List<EventRef> events,
                           @JsonIgnore boolean replayed) {

    public record EventRef(UUID eventId, String type, long version) {
    }

    public WriteReceipt asReplay() {
        return new WriteReceipt(streamId, version, created, events, true);
    }
}
