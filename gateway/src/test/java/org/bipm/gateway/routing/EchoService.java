package org.bipm.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for the membership service: answers every request with what it received
 * (method, path, query, selected headers, body), so the test sees exactly what was forwarded.
 * The liaison route points at a port nobody listens on: a service that is down.
 */
public class EchoService implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = "{\"method\":\"" + exchange.getRequestMethod() + "\""
                    + ",\"path\":\"" + exchange.getRequestURI().getRawPath() + "\""
                    + ",\"query\":\"" + (exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery()) + "\""
                    + ",\"authorization\":\"" + header(exchange, "Authorization") + "\""
                    + ",\"ifMatch\":" + quoted(header(exchange, "If-Match"))
                    + ",\"idempotencyKey\":\"" + header(exchange, "Idempotency-Key") + "\""
                    + ",\"correlationId\":\"" + header(exchange, "X-Correlation-Id") + "\""
                    + ",\"body\":" + quoted(body) + "}";
            byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : exchange.getRequestMethod().equals("GET") ? 200 : 201;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.getResponseHeaders().add("Stream-Id", "FR");
            exchange.getResponseHeaders().add("X-Upstream", "echo");
            exchange.getResponseHeaders().add("X-Correlation-Id", header(exchange, "X-Correlation-Id")); // as a service answers
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of(
                "gateway.routes.services.membership", "http://127.0.0.1:" + server.getAddress().getPort(),
                "gateway.routes.services.liaison", "http://127.0.0.1:" + closedPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String header(com.sun.net.httpserver.HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
