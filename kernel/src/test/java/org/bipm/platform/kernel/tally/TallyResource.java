package org.bipm.platform.kernel.tally;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;

/** A minimal resource in the style every service follows, to test the kernel's HTTP conventions. */
@Path("/tallies/{id}")
public class TallyResource {

    private final TallyCommands commands;

    public TallyResource(TallyCommands commands) {
        this.commands = commands;
    }

    @PUT
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response open(@PathParam("id") String id, @Valid @NotNull TallyCommand.OpenTally command, @Context UriInfo uri) {
        return Writes.answer(commands.handle(id, command), uri.getRequestUri());
    }

    @POST
    @Path("counts")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response count(@PathParam("id") String id, @Valid @NotNull TallyCommand.Count command, @Context UriInfo uri) {
        return Writes.answer(commands.handle(id, command), uri.getBaseUriBuilder().path("tallies").path(id).build());
    }

    @GET
    public Response get(@PathParam("id") String id) {
        var loaded = commands.load(id);
        if (!loaded.exists()) {
            throw Rejection.notFound("tally-not-found", "no tally " + id);
        }
        return Response.ok(loaded.state()).tag(Writes.etag(loaded.version())).build();
    }
}
