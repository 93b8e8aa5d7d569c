package org.bipm.gateway.consistency;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.gateway.projection.Projector;
import org.bipm.gateway.projection.Tables;
import org.bipm.gateway.routing.ConsistencyToken;
import org.bipm.platform.kernel.domain.Rejection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds a read until the read models include every write its {@code Consistency-Token}s name, by
 * looking at the projected stream versions every few milliseconds (reads run on virtual threads,
 * so waiting costs no platform thread) for at most {@code gateway.consistency.max-wait}.
 */
@ApplicationScoped
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(50);

    private final DataSource dataSource;
    private final Duration maxWait;

    public ReadYourWrites(DataSource dataSource, @ConfigProperty(name = "gateway.consistency.max-wait") Duration maxWait) {
        this.dataSource = dataSource;
        this.maxWait = maxWait;
    }

    /** Returns once every named write is projected; a header of unknown services is a 400, a timeout a 503. */
    public void await(String header) {
        List<ConsistencyToken> tokens = ConsistencyToken.parseAll(header);
        for (ConsistencyToken token : tokens) {
            if (!Projector.TOPICS.containsKey(token.service())) {
                throw Rejection.invalid("consistency-token-unknown-service", "Consistency-Token names service '"
                        + token.service() + "'; the gateway's read models follow " + Projector.TOPICS.keySet());
            }
        }
        Instant deadline = Instant.now().plus(maxWait);
        List<ConsistencyToken> pending = tokens;
        while (!(pending = unprojected(pending)).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new NotYetConsistent(pending, Math.max(1, maxWait.toSeconds()));
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetConsistent(pending, 1);
            }
        }
    }

    private List<ConsistencyToken> unprojected(List<ConsistencyToken> tokens) {
        if (tokens.isEmpty()) {
            return tokens;
        }
        try (Connection connection = dataSource.getConnection()) {
            Tables tables = new Tables(connection, Tables.LIVE);
            return tokens.stream().filter(token -> tables.one(
                    "select version from {s}.stream_versions where service = ? and stream_id = ?",
                    row -> row.getLong(1), token.service(), token.streamId()).orElse(0L) < token.version()).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("the read models cannot be reached", e);
        }
    }
}
