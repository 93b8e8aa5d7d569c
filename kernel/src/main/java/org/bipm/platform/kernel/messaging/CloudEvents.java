package org.bipm.platform.kernel.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bipm.platform.kernel.eventstore.RecordedEvent;

/**
 * The mapping between a recorded event and a Kafka record: key = stream id (per-stream order),
 * value = the event as JSON, headers = CloudEvents 1.0 binary mode plus the stream version and
 * the correlation/causation ids as extension attributes, and the {@code traceparent} of the append.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String STREAM_VERSION = "ce_streamversion";
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String EFFECTIVE_DATE = "ce_effectivedate";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }

    /** {@code bipm.membership.v1} → {@code bipm.membership}: the prefix of every {@code ce_type} on that topic. */
    public static String typePrefix(String topic) {
        int lastDot = topic.lastIndexOf('.');
        return lastDot > 0 ? topic.substring(0, lastDot) : topic;
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String source, RecordedEvent event, ObjectMapper json) {
        List<Header> headers = new ArrayList<>();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.eventId().toString());
        add(headers, SOURCE, source);
        add(headers, TYPE, typePrefix(topic) + "." + event.type());
        add(headers, SUBJECT, event.streamId());
        add(headers, TIME, event.recordedAt().toString());
        add(headers, CONTENT_TYPE, "application/json");
        add(headers, STREAM_VERSION, Long.toString(event.version()));
        add(headers, SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        add(headers, EFFECTIVE_DATE, event.effectiveDate().toString());
        if (event.metadata() != null) {
            add(headers, CORRELATION_ID, event.metadata().correlationId());
            add(headers, CAUSATION_ID, event.metadata().causationId());
            // W3C Trace Context: a traced consumer continues the trace of the request that appended the event
            add(headers, TraceParent.HEADER, event.metadata().traceparent());
        }
        try {
            return new ProducerRecord<>(topic, null, event.streamId(), json.writeValueAsBytes(event), headers);
        } catch (Exception e) {
            throw new IllegalStateException("event " + event.eventId() + " cannot be written as JSON", e);
        }
    }

    /**
     * Reads a record of any of the platform's topics back into an event.
     *
     * @throws PoisonRecord when the record is not a readable event (it then goes to the DLQ)
     */
    public static RecordedEvent fromRecord(ConsumerRecord<String, byte[]> record, ObjectMapper json) {
        if (record.value() == null) {
            throw new PoisonRecord("record at " + where(record) + " has no value");
        }
        RecordedEvent event;
        try {
            // a tolerant reader: a newer producer may add envelope fields this consumer does not know yet
            event = json.readerFor(RecordedEvent.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(record.value());
        } catch (Exception e) {
            throw new PoisonRecord("record at " + where(record) + " is not an event: " + e.getMessage());
        }
        if (event.eventId() == null || event.streamId() == null || event.type() == null || event.data() == null
                || event.effectiveDate() == null || event.version() < 1) {
            throw new PoisonRecord("record at " + where(record) + " lacks event id, stream, version, type, effective date or data");
        }
        return event;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
