package org.bipm.platform.kernel.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the outbox relay; a service without a topic (the gateway) runs no relay. */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** The service's topic, e.g. {@code bipm.membership.v1}. */
    Optional<String> topic();

    /** CloudEvents {@code source} of every event, e.g. {@code /membership-service}. */
    @WithDefault("/liaison-platform")
    String source();

    @WithDefault("true")
    boolean enabled();

    /** Events read and sent per round trip. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait for a commit notification before looking at the outbox anyway. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Unpublished events above which the replica reports itself not ready (Kafka is too far behind). */
    @WithDefault("10000")
    long maxBacklog();

    /** How often a standby replica tries to become the active relay, and the back-off after a failure. */
    @WithDefault("2s")
    Duration retryInterval();
}
