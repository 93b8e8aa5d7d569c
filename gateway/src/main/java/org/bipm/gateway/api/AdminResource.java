package org.bipm.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bipm.gateway.projection.Rebuild;
import org.bipm.platform.kernel.http.ProblemResponsesFilter;
import org.bipm.platform.kernel.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operating the read models: rebuild them from offset 0 of every topic, without downtime. */
@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminResource {

    private final Rebuild rebuild;

    public AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Extension(name = ProblemResponsesFilter.NOT_A_STREAM_WRITE, value = "false")
    @Operation(summary = "Rebuild every read model from the topics into fresh tables and switch to them when caught up")
    @APIResponse(responseCode = "202", description = "started; follow it with GET")
    @APIResponse(responseCode = "409", description = "a rebuild is running", content = @Content(mediaType = "application/problem+json"))
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild: events done / total, rate, ETA")
    public Rebuild.Progress progress() {
        return rebuild.progress();
    }
}
