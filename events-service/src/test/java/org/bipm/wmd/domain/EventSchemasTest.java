package org.bipm.wmd.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bipm.platform.kernel.eventstore.EventCatalog;
import org.junit.jupiter.api.Test;

/** Consumers rely on the published schemas: every event type has one, naming exactly the fields it carries. */
class EventSchemasTest {

    /** Dates as ISO strings, as the service's own mapper writes them. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void every_event_type_has_a_json_schema_with_exactly_its_fields() throws Exception {
        var types = EventCatalog.of(EditionEvent.class).types();
        assertThat(types).hasSize(12);
        for (var entry : types.entrySet()) {
            String path = "/META-INF/schemas/bipm.wmd.v1/" + entry.getKey() + ".v1.json";
            try (InputStream in = getClass().getResourceAsStream(path)) {
                assertThat(in).as(path).isNotNull();
                JsonNode schema = JSON.readTree(in);
                assertThat(schema.path("$id").asText()).isEqualTo("urn:bipm:schema:bipm.wmd.v1:" + entry.getKey() + ":v1");
                assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
                Set<String> fields = Arrays.stream(entry.getValue().getRecordComponents())
                        .map(c -> c.getName()).collect(Collectors.toSet());
                Set<String> properties = schema.path("properties").propertyStream().map(e -> e.getKey()).collect(Collectors.toSet());
                assertThat(properties).as(path).isEqualTo(fields);
            }
        }
    }

    @Test
    void an_event_is_written_as_its_fields_only() throws Exception {
        JsonNode written = JSON.valueToTree(new EditionEvent.SpecialEventRecorded("Anniversary", LocalDate.of(2025, 5, 20),
                LocalDate.of(2025, 5, 22), List.of("Paris", "Versailles"), null, LocalDate.of(2025, 2, 1), DatePrecision.MONTH));
        assertThat(written.propertyStream().map(e -> e.getKey()).toList()).containsExactlyInAnyOrder(
                "title", "startDate", "endDate", "places", "url", "effectiveDate", "datePrecision");
        assertThat(written.path("effectiveDate").asText()).isEqualTo("2025-02-01");
    }
}
