package org.bipm.gateway.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.bipm.gateway.routing.ServiceForwarder;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform's contracts in one place. Events: the AsyncAPI document
 * ({@code deploy/contracts/asyncapi.yaml}) and the JSON Schemas it references (each service's
 * {@code META-INF/schemas}), both copied into the gateway at build time. HTTP: each service's OpenAPI
 * document, which the gateway's Swagger UI lists next to its own.
 */
@Path("/api")
@Tag(name = "Contracts")
public class ContractsResource {

    private final ServiceForwarder forwarder;

    public ContractsResource(ServiceForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("/asyncapi.yaml")
    @Produces("application/yaml")
    @Operation(summary = "AsyncAPI 3.0 document of the four topics: channels, CloudEvents headers, keys, message schemas")
    @APIResponse(responseCode = "200", description = "the document")
    public Response asyncApi() {
        return file("contracts/asyncapi.yaml", "application/yaml");
    }

    @GET
    @Path("/schemas/{topic: [a-z0-9.]+}/{file: [A-Za-z]+\\.v[0-9]+\\.json}")
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema (2020-12) of one event type's data at one schema version")
    @APIResponse(responseCode = "200", description = "the schema")
    @APIResponse(responseCode = "404", description = "no such topic, event type or version")
    public Response schema(@PathParam("topic") String topic, @PathParam("file") String file) {
        return file("contracts/schemas/" + topic + "/" + file, "application/schema+json");
    }

    @GET
    @Path("/openapi/{service: membership|liaison|cbkt|wmd}")
    @Produces("application/json")
    @RunOnVirtualThread
    @Operation(summary = "The OpenAPI document of one service (its /q/openapi), for the aggregated Swagger UI at /q/swagger-ui")
    @APIResponse(responseCode = "200", description = "the service's OpenAPI document")
    @APIResponse(responseCode = "503", description = "the service cannot be reached")
    public Response openApi(@PathParam("service") String service, @Context HttpHeaders headers) {
        return forwarder.forward(service, "GET", "/q/openapi?format=json", headers, null);
    }

    private static Response file(String path, String mediaType) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new NotFoundException("no contract at " + path);
        }
        return Response.ok(in, mediaType).build();
    }
}
