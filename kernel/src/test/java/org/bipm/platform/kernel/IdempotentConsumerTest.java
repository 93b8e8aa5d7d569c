package org.bipm.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bipm.platform.kernel.eventstore.EventMetadata;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.CloudEvents;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class IdempotentConsumerTest {

    private static final String TOPIC = "kernel.inbox.v1";

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void a_redelivered_event_is_applied_once_an_old_schema_is_upcast_and_poison_goes_to_the_dlq() throws Exception {
        String stream = "inbox-" + UUID.randomUUID();
        RecordedEvent counted = event(stream, 1, 2, json.createObjectNode().put("amount", 5));
        RecordedEvent oldSchema = event(stream, 2, 1, json.createObjectNode().put("count", 7));
        RecordedEvent notACount = new RecordedEvent(UUID.randomUUID(), stream, 3, "TallyOpened", 1, LocalDate.of(2024, 1, 1),
                Instant.now(), json.createObjectNode(), new EventMetadata("test", null, null), 3);

        try (TopicProbe dlq = TopicProbe.fromNow(TOPIC + ".dlq");
             KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, stream, json.writeValueAsBytes(counted));
            send(producer, stream, json.writeValueAsBytes(counted));
            send(producer, stream, "{not json".getBytes(StandardCharsets.UTF_8));
            send(producer, stream, json.writeValueAsBytes(notACount));
            send(producer, stream, json.writeValueAsBytes(oldSchema));
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> total(stream) == 12);
            assertThat(dlq.await(r -> stream.equals(r.key()), 2, Duration.ofSeconds(30))).hasSize(2);
            // the duplicate stays ignored after everything behind it was consumed
            assertThat(total(stream)).isEqualTo(12);
        }
    }

    private RecordedEvent event(String stream, long version, int schemaVersion, com.fasterxml.jackson.databind.node.ObjectNode data) {
        return new RecordedEvent(UUID.randomUUID(), stream, version, "Counted", schemaVersion, LocalDate.of(2024, 1, 1),
                Instant.now(), data, new EventMetadata("test", null, null), version);
    }

    private int total(String stream) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select total from inbox_totals where stream_id = ?")) {
            statement.setString(1, stream);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformStack.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
