package org.bipm.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.bipm.membership.domain.MembershipEvent;
import org.bipm.membership.service.ParticipantCommands;
import org.bipm.platform.contracts.EventUpcasters;
import org.bipm.platform.kernel.eventstore.EventCatalog;
import org.bipm.platform.kernel.eventstore.EventMetadata;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.junit.jupiter.api.Test;

/**
 * Consumers rely on the published schemas: each event type has one at the version the service writes,
 * naming exactly the event's fields; and data valid in an older version upcasts to data valid in the newest.
 */
class EventSchemasTest {

    private static final String TOPIC = "bipm.membership.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_event_type_has_a_json_schema_naming_exactly_its_fields() throws IOException {
        EventCatalog<MembershipEvent> catalog = new ParticipantCommands().catalog();
        assertThat(catalog.types()).hasSize(MembershipEvent.class.getPermittedSubclasses().length);
        for (var type : catalog.types().entrySet()) {
            int version = catalog.schemaVersionOf(type.getKey());
            String resource = "/META-INF/schemas/" + TOPIC + "/" + type.getKey() + ".v" + version + ".json";
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                JsonNode schema = JSON.readTree(in);
                assertThat(schema.path("$id").asText()).isEqualTo("urn:bipm:schema:" + TOPIC + ":" + type.getKey() + ":v" + version);
                Set<String> fields = new HashSet<>(Arrays.stream(type.getValue().getRecordComponents()).map(c -> c.getName()).toList());
                assertThat(names(schema.path("properties").fieldNames())).as(resource).isEqualTo(fields);
                assertThat(new HashSet<>(StreamSupport.stream(schema.path("required").spliterator(), false).map(JsonNode::asText).toList()))
                        .as(resource).isEqualTo(fields);
            }
        }
    }

    @Test
    void an_accession_valid_at_schema_version_1_upcasts_to_one_valid_at_version_2() throws IOException {
        assertThat(new ParticipantCommands().catalog().schemaVersionOf("AccededToConvention")).isEqualTo(2);
        for (String previousCategory : new String[] {"\"ASSOCIATE_STATE\"", "null"}) {
            ObjectNode v1 = (ObjectNode) JSON.readTree("""
                    {"name": "Kazakhstan", "previousCategory": %s, "effectiveDate": "2008-02-01",
                     "datePrecision": "MONTH", "source": null}""".formatted(previousCategory));
            assertThat(schema("AccededToConvention", 1).validate(v1)).as("v1 %s", v1).isEmpty();

            RecordedEvent upcast = EventUpcasters.create().upcast(new RecordedEvent(UUID.randomUUID(), "KZ", 1,
                    "AccededToConvention", 1, LocalDate.of(2008, 2, 1), Instant.now(), v1, EventMetadata.system("test"), 1));
            assertThat(upcast.schemaVersion()).isEqualTo(2);
            assertThat(schema("AccededToConvention", 2).validate(upcast.data())).as("upcast %s", upcast.data()).isEmpty();
        }
    }

    private com.networknt.schema.JsonSchema schema(String type, int version) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/schemas/" + TOPIC + "/" + type + ".v" + version + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<String> names(java.util.Iterator<String> iterator) {
        Set<String> names = new HashSet<>();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
