package org.bipm.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-service circuit: after {@code threshold} consecutive failures it opens and callers fail fast
 * for {@code openFor}; then one trial request is let through (half-open) and its outcome closes or
 * re-opens the circuit. Keeps a dead service from holding gateway threads and clients waiting.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a request may go out now; in half-open state only one at a time. */
    synchronized boolean allow() {
        if (consecutiveFailures < threshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void failed() {
        consecutiveFailures++;
        trialInFlight = false;
        if (consecutiveFailures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    /** Seconds until a trial request will be allowed: the client's Retry-After. */
    synchronized long retryAfterSeconds() {
        long seconds = Duration.between(clock.instant(), openUntil).toSeconds();
        return Math.max(1, seconds + 1);
    }
}
