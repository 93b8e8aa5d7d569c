package org.bipm.platform.kernel.eventstore;

/**
 * Who caused an event and in answer to what: the actor, the correlation id of the whole flow, the
 * causing message, and the W3C {@code traceparent} of the work that appended it (so the trace
 * continues past the outbox to every consumer).
 */
public record EventMetadata(String actor, String correlationId, String causationId, String traceparent) {

    public EventMetadata(String actor, String correlationId, String causationId) {
        this(actor, correlationId, causationId, null);
    }

    public static EventMetadata system(String actor) {
        return new EventMetadata(actor, null, null);
    }
}
