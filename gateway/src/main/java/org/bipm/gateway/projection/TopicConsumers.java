package org.bipm.gateway.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.contracts.EventUpcasters;
import org.bipm.platform.kernel.eventstore.Upcasters;
import org.bipm.platform.kernel.messaging.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the live read models from the four topics (consumer group {@code gateway}: replicas
 * share the partitions). Unreadable or refused records go to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class TopicConsumers {

    static final String CONSUMER = "gateway-read-models";
    /** Older schema versions on the topics are read at the current one (here and in the rebuild), by the steps every reader shares. */
    static final Upcasters UPCASTERS = EventUpcasters.create();

    private final IdempotentConsumer consumer;
    private final Projector projector;
    private final DataSource dataSource;

    public TopicConsumers(IdempotentConsumer consumer, Projector projector, DataSource dataSource) {
        this.consumer = consumer;
        this.projector = projector;
        this.dataSource = dataSource;
    }

    @Incoming("membership")
    @Blocking
    public void membership(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    @Incoming("liaison")
    @Blocking
    public void liaison(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    @Incoming("cbkt")
    @Blocking
    public void cbkt(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    @Incoming("wmd")
    @Blocking
    public void wmd(ConsumerRecord<String, byte[]> record) {
        project(record);
    }

    private void project(ConsumerRecord<String, byte[]> record) {
        String service = Projector.serviceOf(record.topic());
        consumer.consume(CONSUMER, record, UPCASTERS, (event, raw) -> {
            try (Connection connection = dataSource.getConnection()) {
                projector.project(new Tables(connection, Tables.LIVE), service, event);
            } catch (SQLException e) {
                throw new IllegalStateException("no database connection for the read models", e);
            }
        });
    }
}
