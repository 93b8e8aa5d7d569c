package org.bipm.gateway.routing;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/membership/**}, {@code /api/liaison/**}, {@code /api/cbkt/**}, {@code /api/wmd/**}: the owning service answers. */
@Path("/api/{service:membership|liaison|cbkt|wmd}{rest:(/.*)?}")
@Tag(name = "Routing", description = "Requests forwarded unchanged to the service that owns the path")
@RunOnVirtualThread
public class ForwardingResource {

    private final ServiceForwarder forwarder;

    public ForwardingResource(ServiceForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Operation(summary = "Read from the owning service")
    public Response get(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.forward(service, "GET", pathAndQuery(uri), headers, null);
    }

    @POST
    @Operation(summary = "Send a command to the owning service")
    public Response post(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwarder.forward(service, "POST", pathAndQuery(uri), headers, body);
    }

    @PUT
    @Operation(summary = "Send a command to the owning service")
    public Response put(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwarder.forward(service, "PUT", pathAndQuery(uri), headers, body);
    }

    @PATCH
    @Operation(summary = "Send a command to the owning service")
    public Response patch(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwarder.forward(service, "PATCH", pathAndQuery(uri), headers, body);
    }

    @DELETE
    @Operation(summary = "Send a command to the owning service")
    public Response delete(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forwarder.forward(service, "DELETE", pathAndQuery(uri), headers, body);
    }

    private static String pathAndQuery(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
