package org.bipm.platform.kernel.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Brings events written in an old schema version up to the current one, one step at a time
 * (v1 → v2 → v3). Used when a service reads its own store and when a consumer reads a topic,
 * so old events stay readable forever.
 */
public final class Upcasters {

    private final Map<String, UnaryOperator<ObjectNode>> steps = new HashMap<>();

    /** Registers the step that turns {@code type} data at {@code fromVersion} into {@code fromVersion + 1}. */
    public Upcasters step(String type, int fromVersion, UnaryOperator<ObjectNode> step) {
        if (steps.putIfAbsent(key(type, fromVersion), step) != null) {
            throw new IllegalStateException("two upcasters for " + type + " v" + fromVersion);
        }
        return this;
    }

    /** The event with its data at the newest version this registry knows for its type. */
    public RecordedEvent upcast(RecordedEvent event) {
        ObjectNode data = event.data();
        int version = event.schemaVersion();
        UnaryOperator<ObjectNode> step;
        while ((step = steps.get(key(event.type(), version))) != null) {
            data = step.apply(data.deepCopy());
            version++;
        }
        return version == event.schemaVersion() ? event : event.withData(version, data);
    }

    /** The schema version an upcast event of {@code type} ends at, starting from version 1. */
    public int currentVersion(String type) {
        int version = 1;
        while (steps.containsKey(key(type, version))) {
            version++;
        }
        return version;
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }
}
