package org.bipm.gateway.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.util.Map;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.Notifications;
import org.bipm.platform.kernel.messaging.PoisonRecord;

/**
 * The one projection of the four topics, used by the live consumers and by the rebuild alike:
 * it only differs by the {@link Tables} it writes. Each table set records the events it holds
 * (the activity feed), so an event is applied to it once whoever delivers it.
 */
@ApplicationScoped
public class Projector {

    /** Notified, once committed, with each event the live tables take in: the live feed of every replica. */
    public static final String CHANNEL = "gateway_activity";

    /** The four topics by the service name the routes and consistency tokens use. */
    public static final Map<String, String> TOPICS = Map.of(
            "membership", "bipm.membership.v1",
            "liaison", "bipm.liaison.v1",
            "cbkt", "bipm.cbkt.v1",
            "wmd", "bipm.wmd.v1");

    private static final Map<String, ServiceProjection> PROJECTIONS = Map.of(
            "membership", new MembershipProjection(),
            "liaison", new LiaisonProjection(),
            "cbkt", new CbktProjection(),
            "wmd", new WmdProjection());

    private final ObjectMapper json;
    private final Notifications notifications;

    public Projector(ObjectMapper json, Notifications notifications) {
        this.json = json;
        this.notifications = notifications;
    }

    /** {@code bipm.cbkt.v1} → {@code cbkt}. */
    public static String serviceOf(String topic) {
        return TOPICS.entrySet().stream().filter(e -> e.getValue().equals(topic)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new PoisonRecord("the gateway does not read topic " + topic));
    }

    /** Applies the event to the tables unless they already hold it; false when they did. */
    public boolean project(Tables tables, String service, RecordedEvent event) {
        if (event.recordedAt() == null) {
            throw new PoisonRecord("event " + event.eventId() + " has no recordedAt");
        }
        int fresh = tables.update("insert into {s}.activity (event_id, service, type, stream_id, version, effective_date, recorded_at, summary) "
                        + "values (?, ?, ?, ?, ?, ?, ?, '') on conflict do nothing",
                event.eventId(), service, event.type(), event.streamId(), event.version(), event.effectiveDate(),
                Timestamp.from(event.recordedAt()));
        if (fresh == 0) {
            return false;
        }
        ServiceProjection.Feed feed = PROJECTIONS.get(service).apply(tables, event);
        // one round trip for both: the feed line, and the stream's version for read-your-writes
        tables.update("with feed as (update {s}.activity set country = ?, summary = ? where event_id = ?) "
                        + "insert into {s}.stream_versions (service, stream_id, version) values (?, ?, ?) "
                        + "on conflict (service, stream_id) do update set version = greatest(stream_versions.version, excluded.version)",
                feed.country(), feed.summary(), event.eventId(), service, event.streamId(), event.version());
        if (tables.schema().equals(Tables.LIVE)) {
            ActivityItem item = new ActivityItem(event.eventId(), service, event.type(), event.streamId(), event.version(),
                    feed.country(), event.effectiveDate(), event.recordedAt(), feed.summary());
            notifications.afterCommit(CHANNEL, write(item));
        }
        return true;
    }

    private String write(ActivityItem item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
