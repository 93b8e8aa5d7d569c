package org.bipm.platform.kernel.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.Outbox;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the outbox backlog stays below its threshold; reports whether this replica's relay is the active one. */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxConfig config;
    private final OutboxRelayService relays;
    private final Outbox outbox;
    private final DataSource dataSource;

    public OutboxHealth(OutboxConfig config, OutboxRelayService relays, Outbox outbox, DataSource dataSource) {
        this.config = config;
        this.relays = relays;
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("outbox");
        if (config.topic().isEmpty() || !config.enabled()) {
            return health.up().withData("relay", "none").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            Outbox.Backlog backlog = outbox.backlog(connection);
            health.withData("topic", config.topic().get())
                    .withData("backlog", backlog.events())
                    .withData("oldestAgeSeconds", (long) backlog.oldestAgeSeconds())
                    .withData("activeRelayHere", relays.relay().map(OutboxRelay::active).orElse(false));
            return health.status(backlog.events() < config.maxBacklog()).build();
        } catch (SQLException e) {
            return health.down().withData("error", e.getMessage()).build();
        }
    }
}
