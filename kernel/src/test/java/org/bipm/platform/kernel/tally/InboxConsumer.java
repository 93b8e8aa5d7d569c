package org.bipm.platform.kernel.tally;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.kernel.messaging.IdempotentConsumer;
import org.bipm.platform.kernel.messaging.PoisonRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import io.smallrye.common.annotation.Blocking;

/** Counts tally events arriving on a topic into a table, once each: exercises the idempotent consumer. */
@ApplicationScoped
public class InboxConsumer {

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;

    public InboxConsumer(IdempotentConsumer consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("inbox")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("tally-inbox", record, Tally.UPCASTERS, (event, raw) -> {
            if (!event.type().equals("Counted")) {
                throw new PoisonRecord("not a tally count: " + event.type());
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "insert into inbox_totals (stream_id, total) values (?, ?) "
                                 + "on conflict (stream_id) do update set total = inbox_totals.total + excluded.total")) {
                statement.setString(1, event.streamId());
                statement.setInt(2, event.data().path("amount").asInt());
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
