package org.bipm.cbkt.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.cbkt.domain.Activity;
import org.bipm.cbkt.domain.ActivityCommand;
import org.bipm.cbkt.domain.ActivityDecider;
import org.bipm.cbkt.domain.ActivityEvent;
import org.bipm.cbkt.projection.ActivityProjection;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.kernel.eventstore.EventCatalog;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/**
 * The activity streams: applications belong to their activity's stream, so every quota decision is
 * made on the whole activity and the stream's optimistic concurrency (one event per version) makes any
 * two decisions sequential — the quotas hold whatever the concurrency, across replicas.
 *
 * <p>Optimistic concurrency alone is correct but, with hundreds of applicants at once, losers would be
 * decided again and again until the kernel's retries run out. So each write first takes a transaction-level
 * advisory lock on its activity (released at commit): writers of one activity queue in PostgreSQL, on any
 * replica, and each decides once on the latest state. Other activities are not held up.
 */
@ApplicationScoped
public class ActivityCommands extends EventSourcedCommands<ActivityCommand, Activity, ActivityEvent> {

    /** The two-key advisory lock space of activities, apart from the kernel's one-key locks (the outbox relay's). */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('cbkt-activity'), hashtext(?))";

    @Inject
    ActivityProjection projection;
    @Inject
    DataSource dataSource;

    public ActivityCommands() {
        super(new ActivityDecider(), EventCatalog.of(ActivityEvent.class));
    }

    /** Within a write (the kernel loads the stream first thing in its transaction), queue behind the activity's other writers. */
    @Override
    public Loaded<Activity> load(String activityId) {
        if (QuarkusTransaction.isActive()) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, activityId);
                lock.execute();
            } catch (SQLException e) {
                throw new EventStoreFailure("locking activity " + activityId + " failed", e);
            }
        }
        return super.load(activityId);
    }

    @Override
    protected void project(String activityId, List<Change<Activity, ActivityEvent>> changes) {
        projection.apply(activityId, changes);
    }
}
