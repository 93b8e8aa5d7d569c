package org.bipm.gateway.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Every event the live read models take in, once committed, on whichever replica projected it:
 * the projector notifies {@link Projector#CHANNEL} after its transaction commits and each replica
 * listens on its own database session and passes the items on to its live-feed clients. Best
 * effort, like any live view: an item whose notification was lost is still in {@code /api/activity}.
 * The same notifications tell the {@link CountryProfileCache} which profiles changed.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);

    private final BroadcastProcessor<ActivityItem> items = BroadcastProcessor.create();
    private final ObjectMapper json;
    private final CountryProfileCache profiles;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    public LiveFeed(ObjectMapper json, CountryProfileCache profiles,
                    @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                    @ConfigProperty(name = "quarkus.datasource.username") String username,
                    @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.json = json;
        this.profiles = profiles;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Live items from now on; a client too slow to take them misses some rather than failing. */
    public Multi<ActivityItem> items() {
        return items.onOverflow().drop();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        listener = Thread.ofVirtual().name("live-feed").start(this::listen);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + Projector.CHANNEL);
                }
                profiles.clear(); // whatever changed while no one listened
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            ActivityItem item = json.readValue(notification.getParameter(), ActivityItem.class);
                            profiles.changed(item.country());
                            items.onNext(item);
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("live feed lost its database session, reconnecting: %s", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
