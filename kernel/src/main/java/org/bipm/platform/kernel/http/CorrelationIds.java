package org.bipm.platform.kernel.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.bipm.platform.kernel.command.CurrentCommandContext;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request one correlation id: the caller's {@code X-Correlation-Id} when it is 1 to
 * 200 visible ASCII characters, else a new one. It is set on the request, so the gateway forwards the
 * id it started with and a service's command context stores it in the events' metadata; it is in the
 * log context of every line the request writes; and the answer names it, so a caller can quote it.
 */
@ApplicationScoped
public class CorrelationIds {

    /** Before the application's routes, so every line of the request carries the id. */
    private static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(CorrelationIds::tag, PRIORITY);
    }

    private static void tag(RoutingContext routing) {
        String id = routing.request().getHeader(CurrentCommandContext.CORRELATION_ID);
        if (!usable(id)) {
            id = UUID.randomUUID().toString();
            routing.request().headers().set(CurrentCommandContext.CORRELATION_ID, id);
        }
        // the request's own log context (Quarkus keeps the MDC per request), seen by its worker and virtual threads
        MDC.put(EventSourcedCommands.CORRELATION_ID, id);
        String answered = id;
        // set last, replacing the copy a gateway passes back from the service it forwarded to
        routing.addHeadersEndHandler(ignored -> routing.response().headers().set(CurrentCommandContext.CORRELATION_ID, answered));
        routing.next();
    }

    private static boolean usable(String id) {
        return id != null && !id.isEmpty() && id.length() <= 200 && id.chars().allMatch(c -> c > 32 && c < 127);
    }
}
