package org.bipm.platform.kernel.eventstore;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bipm.platform.kernel.messaging.OutboxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The published contract of each event type: {@code META-INF/schemas/<topic>/<Type>.v<version>.json}
 * (JSON Schema 2020-12) on the service's classpath. When {@code platform.events.validate-schemas}
 * is on (every test run), an event whose data does not match its schema, or that has no schema,
 * cannot be appended — so a service cannot publish what its consumers were not promised.
 */
@ApplicationScoped
public class EventSchemas {

    private final boolean enabled;
    private final String topic;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    public EventSchemas(@ConfigProperty(name = "platform.events.validate-schemas", defaultValue = "false") boolean enabled,
                        OutboxConfig outbox) {
        this.enabled = enabled;
        this.topic = outbox.topic().orElse(null);
    }

    public void check(NewEvent event) {
        if (!enabled || topic == null) {
            return;
        }
        Set<ValidationMessage> errors = schema(event.type(), event.schemaVersion()).validate(event.data());
        if (!errors.isEmpty()) {
            throw new IllegalStateException(event.type() + " v" + event.schemaVersion() + " does not match its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
    }

    private JsonSchema schema(String type, int version) {
        String path = "META-INF/schemas/" + topic + "/" + type + ".v" + version + ".json";
        return schemas.computeIfAbsent(path, missing -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type + " v" + version + " at " + path);
                }
                return factory.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
