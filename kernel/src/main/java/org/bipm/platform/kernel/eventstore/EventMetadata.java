package org.bipm.platform.kernel.eventstore;

/** Who caused an event and in answer to what: the actor, the correlation id of the whole flow, the causing message. */
public record EventMetadata(String actor, String correlationId, String causationId) {

    public static EventMetadata system(String actor) {
        return new EventMetadata(actor, null, null);
    }
}
