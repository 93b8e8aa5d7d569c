package org.bipm.platform.kernel.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import io.smallrye.common.annotation.Identifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;
import org.bipm.platform.kernel.eventstore.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts this replica's outbox relay with the application and stops it with the application. */
@ApplicationScoped
public class OutboxRelayService {

    private final OutboxConfig config;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Map<String, Object> kafka;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private OutboxRelay relay;

    public OutboxRelayService(OutboxConfig config, Outbox outbox, ObjectMapper json,
                              @Identifier("default-kafka-broker") Map<String, Object> kafka,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                              @ConfigProperty(name = "quarkus.datasource.username") String username,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.outbox = outbox;
        this.json = json;
        this.kafka = kafka;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled() && config.topic().isPresent()) {
            relay = newRelay();
            relay.start("outbox-relay");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (relay != null) {
            relay.stop();
        }
    }

    /** A relay on its own database session (the advisory lock belongs to a session, never to a pooled connection). */
    public OutboxRelay newRelay() {
        String topic = config.topic().orElseThrow(() -> new IllegalStateException("platform.outbox.topic is not set"));
        return new OutboxRelay(this::connect, this::producer, outbox, json, topic, config.source(),
                config.batchSize(), config.pollInterval(), config.retryInterval());
    }

    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl, username, password.orElse(null));
        } catch (SQLException e) {
            throw new EventStoreFailure("outbox relay cannot connect to the database", e);
        }
    }

    /** The application's shared Kafka settings (kafka.* : bootstrap, TLS, SASL), with the relay's guarantees on top. */
    private Producer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new KafkaProducer<>(config);
    }
}
