package org.bipm.platform.kernel.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.DomainEvent;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.eventstore.EventCatalog;
import org.bipm.platform.kernel.eventstore.EventStore;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.eventstore.WrongExpectedVersion;
import org.bipm.platform.kernel.messaging.PlatformMetrics;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs a service's decider against its event store: load the stream, check the expected version,
 * decide, append, project, remember the idempotency key — all in one transaction.
 * A service extends this once per stream kind, as an {@code @ApplicationScoped} bean.
 *
 * <p>Without {@code If-Match}, a write that loses a race is decided again on the new state
 * (a few times); with {@code If-Match}, it fails with {@link StreamMoved} (HTTP 412).
 */
public abstract class EventSourcedCommands<C, S, E extends DomainEvent> {

    private static final Logger LOG = Logger.getLogger(EventSourcedCommands.class);
    private static final int ATTEMPTS = 5;
    /** The log field (MDC key) of the command's correlation id, next to the trace and span ids. */
    public static final String CORRELATION_ID = "correlationId";

    @Inject
    EventStore store;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    ObjectMapper json;
    @Inject
    CurrentCommandContext currentContext;
    @Inject
    PlatformMetrics metrics;

    private final Decider<C, S, E> decider;
    private final EventCatalog<E> catalog;

    protected EventSourcedCommands(Decider<C, S, E> decider, EventCatalog<E> catalog) {
        this.decider = decider;
        this.catalog = catalog;
    }

    /** The state of a stream and the version it was folded from (0 = no such stream). */
    public record Loaded<S>(S state, long version) {
        public boolean exists() {
            return version > 0;
        }
    }

    /** Handles a command in the context of the current HTTP request (If-Match, Idempotency-Key, caller). */
    public WriteReceipt handle(String streamId, C command) {
        return handle(streamId, command, currentContext.get());
    }

    public WriteReceipt handle(String streamId, C command, CommandContext context) {
        long start = System.nanoTime();
        String outcome = "failed";
        Object outerCorrelation = MDC.get(CORRELATION_ID);
        if (context.correlationId() != null) {
            MDC.put(CORRELATION_ID, context.correlationId());
        }
        try {
            WriteReceipt receipt = decideAndAppend(streamId, command, context);
            outcome = receipt.replayed() ? "replayed" : "accepted";
            return receipt;
        } catch (Rejection rejection) {
            outcome = "rejected";
            throw rejection;
        } catch (StreamMoved | WrongExpectedVersion conflict) {
            outcome = "conflict";
            throw conflict;
        } finally {
            metrics.command(command.getClass().getSimpleName(), outcome, System.nanoTime() - start);
            if (outerCorrelation == null) {
                MDC.remove(CORRELATION_ID);
            } else {
                MDC.put(CORRELATION_ID, outerCorrelation);
            }
        }
    }

    private WriteReceipt decideAndAppend(String streamId, C command, CommandContext context) {
        String fingerprint = context.idempotencyKey() == null ? null : fingerprint(streamId, command);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> attempt(streamId, command, context, fingerprint));
            } catch (WrongExpectedVersion conflict) {
                if (context.expectedVersion() != null) {
                    throw new StreamMoved(streamId, context.expectedVersion(), currentVersion(streamId));
                }
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
            } catch (IdempotencyKeys.KeyTaken raced) {
                // the other request committed: the next attempt finds and replays its receipt
            }
        }
    }

    private WriteReceipt attempt(String streamId, C command, CommandContext context, String fingerprint) {
        if (fingerprint != null) {
            var previous = idempotencyKeys.find(context.idempotencyKey(), fingerprint);
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        Loaded<S> loaded = load(streamId);
        if (context.expectedVersion() != null && context.expectedVersion() != loaded.version()) {
            throw new StreamMoved(streamId, context.expectedVersion(), loaded.version());
        }
        List<E> events = decider.decide(command, loaded.state());
        long appendStart = System.nanoTime();
        List<RecordedEvent> recorded = store.append(streamId, loaded.version(), catalog.toNew(events, context.metadata(), json));
        metrics.append(System.nanoTime() - appendStart);
        LOG.debugf("%s on %s: %d event(s) appended at version %d", command.getClass().getSimpleName(), streamId, events.size(),
                loaded.version() + events.size());
        if (!events.isEmpty()) {
            List<Change<S, E>> changes = new ArrayList<>(events.size());
            S state = loaded.state();
            for (int i = 0; i < events.size(); i++) {
                state = decider.evolve(state, events.get(i));
                changes.add(new Change<>(events.get(i), recorded.get(i), state));
            }
            project(streamId, changes);
        }
        WriteReceipt receipt = new WriteReceipt(streamId, loaded.version() + events.size(),
                loaded.version() == 0 && !events.isEmpty(),
                recorded.stream().map(e -> new WriteReceipt.EventRef(e.eventId(), e.type(), e.version())).toList(),
                false);
        if (fingerprint != null) {
            idempotencyKeys.remember(context.idempotencyKey(), fingerprint, receipt);
        }
        return receipt;
    }

    /** One appended event: the domain event, how it was stored, and the stream's state right after it. */
    public record Change<S, E>(E event, RecordedEvent recorded, S stateAfter) {
    }

    /**
     * Hook for the service's own read model, called inside the write's transaction (so the read
     * model never disagrees with the store) with every event just appended, in order.
     */
    protected void project(String streamId, List<Change<S, E>> changes) {
    }

    public Loaded<S> load(String streamId) {
        List<RecordedEvent> events = store.readStream(streamId);
        S state = decider.initialState();
        for (RecordedEvent event : events) {
            state = decider.evolve(state, catalog.fromRecorded(event, json));
        }
        return new Loaded<>(state, events.size());
    }

    /** The stream's events as stored (older schema versions brought up to date). */
    public List<Recorded<E>> history(String streamId) {
        return store.readStream(streamId).stream()
                .map(event -> new Recorded<>(event, catalog.fromRecorded(event, json)))
                .toList();
    }

    /** A stored event with its decoded domain event. */
    public record Recorded<E>(RecordedEvent envelope, E event) {
    }

    public long currentVersion(String streamId) {
        return store.currentVersion(streamId);
    }

    public EventCatalog<E> catalog() {
        return catalog;
    }

    private String fingerprint(String streamId, C command) {
        try {
            String canonical = streamId + '\n' + command.getClass().getName() + '\n' + json.writeValueAsString(command);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("command cannot be fingerprinted", e);
        }
    }
}
