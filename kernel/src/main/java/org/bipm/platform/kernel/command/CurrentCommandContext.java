package org.bipm.platform.kernel.command;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.UUID;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * Reads the command context from the current HTTP request: {@code If-Match} (the stream version,
 * as given in an {@code ETag}), {@code Idempotency-Key}, {@code X-Correlation-Id}, the caller.
 * Outside a request (loaders, consumers) it answers a system context.
 */
@ApplicationScoped
public class CurrentCommandContext {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CAUSATION_ID = "X-Causation-Id";

    private final Instance<CurrentVertxRequest> request;
    private final Instance<SecurityIdentity> identity;

    public CurrentCommandContext(Instance<CurrentVertxRequest> request, Instance<SecurityIdentity> identity) {
        this.request = request;
        this.identity = identity;
    }

    public CommandContext get() {
        RoutingContext routing = request.isResolvable() ? currentRequest() : null;
        if (routing == null) {
            return CommandContext.system("system");
        }
        HttpServerRequest http = routing.request();
        SecurityIdentity caller = identity.get();
        String actor = caller.isAnonymous() ? "anonymous" : caller.getPrincipal().getName();
        String correlation = http.getHeader(CORRELATION_ID);
        return new CommandContext(
                parseIfMatch(http.getHeader("If-Match")),
                validKey(http.getHeader(IDEMPOTENCY_KEY)),
                actor,
                correlation == null || correlation.isBlank() ? UUID.randomUUID().toString() : correlation,
                http.getHeader(CAUSATION_ID));
    }

    /** The HTTP request being served, or null (no request context, or a context without a request: a consumer, a test). */
    private RoutingContext currentRequest() {
        try {
            return request.get().getCurrent();
        } catch (jakarta.enterprise.context.ContextNotActiveException none) {
            return null;
        }
    }

    /** {@code "7"}, {@code W/"7"} or {@code 7} → 7; absent or {@code *} → no expectation. */
    static Long parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the rejection below
        }
        throw Rejection.invalid("if-match-invalid", "If-Match must be a stream version as given in an ETag, e.g. \"3\"");
    }

    private static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw Rejection.invalid("idempotency-key-invalid", "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        return key;
    }
}
