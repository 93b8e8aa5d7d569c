package org.bipm.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.messaging.TraceParent;
import org.jboss.logging.Logger;

/**
 * Forwards a request to the service that owns its API prefix and passes the answer back
 * unchanged (status, headers, body), adding a {@link ConsistencyToken} to successful writes.
 * A service that is down or too slow gives a quick 503 problem with Retry-After; its circuit
 * then stays open for a while so the others keep all the gateway's capacity.
 */
@ApplicationScoped
public class ServiceForwarder {

    private static final Logger LOG = Logger.getLogger(ServiceForwarder.class);
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of(
            "Authorization", "If-Match", "If-None-Match", "Idempotency-Key", "Content-Type", "Accept",
            "X-Correlation-Id", "X-Causation-Id", "traceparent", "tracestate");
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "transfer-encoding", "content-length", "upgrade", "te", "trailer", ":status");

    private final Routes routes;
    private final HttpClient client;
    private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();

    public ServiceForwarder(Routes routes) {
        this.routes = routes;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(routes.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Response forward(String service, String method, String pathAndQuery, HttpHeaders headers, byte[] body) {
        String base = routes.services().get(service);
        if (base == null) {
            return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not Found", "no service serves /api/" + service)
                    .toResponse().build();
        }
        CircuitBreaker circuit = circuits.computeIfAbsent(service,
                name -> new CircuitBreaker(routes.failureThreshold(), routes.openFor(), Clock.systemUTC()));
        if (!circuit.allow()) {
            return unavailable(service, "it failed repeatedly; the gateway is not calling it for now", circuit.retryAfterSeconds());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(routes.requestTimeout())
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        String trace = TraceParent.current();
        if (trace != null) {
            request.setHeader(TraceParent.HEADER, trace); // the service's span is a child of the gateway's
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            circuit.failed();
            LOG.warnf("%s unavailable for %s %s: %s", service, method, pathAndQuery, e.toString());
            return unavailable(service, "it did not answer in time or refused the connection", circuit.retryAfterSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(service, "the request was interrupted", 1);
        }
        LOG.debugf("%s %s -> %s: %d", method, pathAndQuery, service, answer.statusCode());
        if (answer.statusCode() >= 500) {
            circuit.failed();
        } else {
            circuit.succeeded();
        }
        return passBack(service, method, answer);
    }

    private static Response passBack(String service, String method, HttpResponse<byte[]> answer) {
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (write && answer.statusCode() / 100 == 2) {
            var stream = answer.headers().firstValue(Writes.STREAM_ID);
            var etag = answer.headers().firstValue("ETag");
            if (stream.isPresent() && etag.isPresent()) {
                long version = Long.parseLong(etag.get().replace("W/", "").replace("\"", ""));
                response.header(ConsistencyToken.HEADER, new ConsistencyToken(service, stream.get(), version).toString());
            }
        }
        return response.build();
    }

    private static Response unavailable(String service, String why, long retryAfterSeconds) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "service-unavailable", "A service is unavailable",
                        "the " + service + " service cannot be reached: " + why + "; retry later")
                .with("service", service)
                .toResponse().header("Retry-After", Long.toString(retryAfterSeconds)).build();
    }
}
