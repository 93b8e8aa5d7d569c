package org.bipm.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bipm.platform.kernel.eventstore.EventMetadata;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.CloudEvents;
import org.bipm.platform.testing.PlatformStack;

/**
 * Publishes events on the services' topics as their outbox relays would (same record mapping),
 * numbering each stream's versions; every test run uses streams of its own.
 */
public final class TestEvents implements AutoCloseable {

    public static final String MEMBERSHIP = "bipm.membership.v1";
    public static final String LIAISON = "bipm.liaison.v1";
    public static final String CBKT = "bipm.cbkt.v1";
    public static final String WMD = "bipm.wmd.v1";

    private final ObjectMapper json;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformStack.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
            ProducerConfig.ACKS_CONFIG, "all"));
    private final Map<String, Long> versions = new HashMap<>();

    public TestEvents(ObjectMapper json) {
        this.json = json;
    }

    /** A unique, upper-case suffix for this run's stream ids and country codes. */
    public static String unique() {
        return Long.toString(System.nanoTime(), 36).toUpperCase() + Integer.toString((int) (Math.random() * 1296), 36).toUpperCase();
    }

    public ObjectNode data(Object... namesAndValues) {
        ObjectNode data = json.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.set((String) namesAndValues[i], json.valueToTree(namesAndValues[i + 1]));
        }
        return data;
    }

    /** Publishes the next event of the stream at schema version 1; returns it (to publish again as a duplicate). */
    public RecordedEvent publish(String topic, String stream, String type, LocalDate effectiveDate, ObjectNode data) {
        return publish(topic, stream, type, 1, effectiveDate, data);
    }

    public RecordedEvent publish(String topic, String stream, String type, int schemaVersion, LocalDate effectiveDate, ObjectNode data) {
        long version = versions.merge(topic + "/" + stream, 1L, Long::sum);
        RecordedEvent event = new RecordedEvent(UUID.randomUUID(), stream, version, type, schemaVersion, effectiveDate, Instant.now(),
                data, EventMetadata.system("test"), version);
        return republish(topic, event);
    }

    /** Publishes the event again, as the outbox relay does after a crash: same event id. */
    public RecordedEvent republish(String topic, RecordedEvent event) {
        send(CloudEvents.toRecord(topic, "/test", event, json));
        return event;
    }

    public void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
    }

    public long version(String topic, String stream) {
        return versions.getOrDefault(topic + "/" + stream, 0L);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
