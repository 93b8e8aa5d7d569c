package org.bipm.gateway.consistency;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bipm.gateway.routing.ConsistencyToken;
import org.bipm.platform.kernel.http.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.vertx.core.http.HttpServerRequest;

/** The read models do not include a write a read waited for: 503 with Retry-After, the client may ask again. */
public class NotYetConsistent extends RuntimeException {

    private final List<ConsistencyToken> pending;
    private final long retryAfterSeconds;

    NotYetConsistent(List<ConsistencyToken> pending, long retryAfterSeconds) {
        super("read models do not include " + pending + " yet", null, false, false);
        this.pending = pending;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response notYet(NotYetConsistent failure, HttpServerRequest request) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "not-yet-consistent", "Read models not yet up to date",
                            "the read models do not include " + failure.pending.stream().map(Object::toString).toList()
                                    + " yet; retry later")
                    .with("pending", failure.pending.stream().map(Object::toString).toList())
                    .at(request.path())
                    .toResponse().header("Retry-After", Long.toString(failure.retryAfterSeconds)).build();
        }
    }
}
