package org.bipm.platform.kernel.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bipm.platform.kernel.domain.DomainEvent;

/**
 * The event types of one stream kind, derived from its sealed event interface: the type name of
 * each record is its simple class name, its schema version is the one the upcasters lead to.
 * Converts domain events to stored events and back (upcasting old versions on the way).
 */
public final class EventCatalog<E extends DomainEvent> {

    private final Map<String, Class<? extends E>> classesByType = new LinkedHashMap<>();
    private final Upcasters upcasters;

    private EventCatalog(Class<E> sealedType, Upcasters upcasters) {
        this.upcasters = upcasters;
        collect(sealedType);
        if (classesByType.isEmpty()) {
            throw new IllegalArgumentException(sealedType + " must be a sealed interface with record implementations");
        }
    }

    public static <E extends DomainEvent> EventCatalog<E> of(Class<E> sealedType) {
        return new EventCatalog<>(sealedType, new Upcasters());
    }

    public static <E extends DomainEvent> EventCatalog<E> of(Class<E> sealedType, Upcasters upcasters) {
        return new EventCatalog<>(sealedType, upcasters);
    }

    @SuppressWarnings("unchecked")
    private void collect(Class<?> type) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted);
            }
        } else if (type.isRecord()) {
            Class<? extends E> previous = classesByType.put(type.getSimpleName(), (Class<? extends E>) type);
            if (previous != null) {
                throw new IllegalArgumentException("two event records named " + type.getSimpleName());
            }
        }
    }

    public String typeOf(E event) {
        return event.getClass().getSimpleName();
    }

    public int schemaVersionOf(String type) {
        return upcasters.currentVersion(type);
    }

    public Map<String, Class<? extends E>> types() {
        return Map.copyOf(classesByType);
    }

    public List<NewEvent> toNew(List<? extends E> events, EventMetadata metadata, ObjectMapper json) {
        List<NewEvent> result = new ArrayList<>(events.size());
        for (E event : events) {
            String type = typeOf(event);
            result.add(new NewEvent(UUID.randomUUID(), type, schemaVersionOf(type), event.effectiveDate(),
                    json.valueToTree(event), metadata));
        }
        return result;
    }

    public E fromRecorded(RecordedEvent recorded, ObjectMapper json) {
        Class<? extends E> type = classesByType.get(recorded.type());
        if (type == null) {
            throw new IllegalStateException("unknown event type " + recorded.type() + " in stream " + recorded.streamId());
        }
        ObjectNode data = upcasters.upcast(recorded).data();
        try {
            return json.treeToValue(data, type);
        } catch (Exception e) {
            throw new IllegalStateException("event " + recorded.eventId() + " cannot be read as " + type.getSimpleName(), e);
        }
    }
}
