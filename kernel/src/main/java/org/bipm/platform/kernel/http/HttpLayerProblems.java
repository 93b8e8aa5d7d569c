package org.bipm.platform.kernel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A 413 problem for a request whose declared body length is over
 * {@code quarkus.http.limits.max-body-size}, answered before the body is read; the HTTP layer's
 * own check would answer an empty 413. (A chunked body without a declared length that crosses the
 * limit still gets the HTTP layer's empty 413.)
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Ahead of the HTTP layer's own size check. */
    private static final int PRIORITY = 2_000;

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public HttpLayerProblems(ObjectMapper json,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseDeclaredOversize, PRIORITY);
    }

    private void refuseDeclaredOversize(RoutingContext routing) {
        String length = routing.request().getHeader("Content-Length");
        if (length != null && declaredOver(length)) {
            answer(routing, tooLarge());
            return;
        }
        routing.next();
    }

    private boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP layer refuses it
        }
    }

    private Problem tooLarge() {
        return Problem.of(413, "body-too-large", "Request body too large",
                "the request body is larger than the " + maxBodyBytes + " bytes this service accepts");
    }

    private void answer(RoutingContext routing, Problem problem) {
        if (routing.response().ended() || routing.response().headWritten()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem.at(routing.request().path()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        // the body is not read: close the connection rather than drain it
        routing.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
