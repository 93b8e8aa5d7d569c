package org.bipm.platform.kernel.command;

import org.bipm.platform.kernel.eventstore.EventMetadata;
import org.bipm.platform.kernel.messaging.TraceParent;

/**
 * What surrounds a command besides its content: the version the client expects the stream at
 * (from {@code If-Match}, null when it did not say), its {@code Idempotency-Key} (null when none),
 * and who sent it in answer to what.
 */
public record CommandContext(Long expectedVersion, String idempotencyKey, String actor,
                             String correlationId, String causationId) {

    public static CommandContext system(String actor) {
        return new CommandContext(null, null, actor, null, null);
    }

    public CommandContext expecting(long version) {
        return new CommandContext(version, idempotencyKey, actor, correlationId, causationId);
    }

    public CommandContext withIdempotencyKey(String key) {
        return new CommandContext(expectedVersion, key, actor, correlationId, causationId);
    }

    /** The metadata of the events this command appends, with the trace they are appended in. */
    public EventMetadata metadata() {
        return new EventMetadata(actor, correlationId, causationId, TraceParent.current());
    }
}
