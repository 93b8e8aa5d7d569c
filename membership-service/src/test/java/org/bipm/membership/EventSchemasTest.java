package org.bipm.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.bipm.membership.domain.MembershipEvent;
import org.bipm.platform.kernel.eventstore.EventCatalog;
import org.junit.jupiter.api.Test;

/** Consumers rely on the published schemas: each event type has one, and it names exactly the event's fields. */
class EventSchemasTest {

    private static final String TOPIC = "bipm.membership.v1";

    @Test
    void every_event_type_has_a_json_schema_naming_exactly_its_fields() throws IOException {
        EventCatalog<MembershipEvent> catalog = EventCatalog.of(MembershipEvent.class);
        assertThat(catalog.types()).hasSize(MembershipEvent.class.getPermittedSubclasses().length);
        for (var type : catalog.types().entrySet()) {
            int version = catalog.schemaVersionOf(type.getKey());
            String resource = "/META-INF/schemas/" + TOPIC + "/" + type.getKey() + ".v" + version + ".json";
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                JsonNode schema = new ObjectMapper().readTree(in);
                assertThat(schema.path("$id").asText()).isEqualTo("urn:bipm:schema:" + TOPIC + ":" + type.getKey() + ":v" + version);
                Set<String> fields = new HashSet<>(Arrays.stream(type.getValue().getRecordComponents()).map(c -> c.getName()).toList());
                assertThat(names(schema.path("properties").fieldNames())).as(resource).isEqualTo(fields);
                assertThat(new HashSet<>(StreamSupport.stream(schema.path("required").spliterator(), false).map(JsonNode::asText).toList()))
                        .as(resource).isEqualTo(fields);
            }
        }
    }

    private static Set<String> names(java.util.Iterator<String> iterator) {
        Set<String> names = new HashSet<>();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
