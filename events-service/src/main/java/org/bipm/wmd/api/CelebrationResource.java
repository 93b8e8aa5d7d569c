package org.bipm.wmd.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.wmd.domain.CelebrationDetails;
import org.bipm.wmd.domain.Edition;
import org.bipm.wmd.domain.EditionCommand;
import org.bipm.wmd.domain.EditionEvent;
import org.bipm.wmd.projection.CelebrationView;
import org.bipm.wmd.projection.EditionQueries;
import org.bipm.wmd.service.EditionCommands;
import org.bipm.wmd.service.FactDates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Celebrations registered around the world for an edition. */
@Path("/api/wmd/editions/" + EditionResource.YEAR + "/celebrations")
@Tag(name = "Celebrations", description = "Celebrations of World Metrology Day around the world")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CelebrationResource {

    private static final String CELEBRATION = "{id: \\d{1,9}}";
    private static final String EXAMPLE = "{\"title\": \"Open day\", \"organizer\": \"INTI\", \"countryCode\": \"AR\", "
            + "\"city\": \"Buenos Aires\", \"online\": false, \"date\": \"2024-05-20\"}";

    private final EditionCommands commands;
    private final EditionQueries queries;
    private final FactDates dates;

    public CelebrationResource(EditionCommands commands, EditionQueries queries, FactDates dates) {
        this.commands = commands;
        this.queries = queries;
        this.dates = dates;
    }

    @POST
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Register a celebration",
            description = "In a city, online, or both; on a day of the edition's year. It is numbered within the edition.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the celebration")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "in person", value = EXAMPLE)))
    public Response register(@PathParam("year") int year, @Valid @NotNull Requests.Celebration request, @Context UriInfo uri) {
        WriteReceipt receipt = commands.handle(year,
                new EditionCommand.RegisterCelebration(details(request), dates.of(request.effectiveDate(), request.datePrecision())));
        URI location = celebrationUri(uri, year, registeredId(year, receipt));
        return Response.fromResponse(Writes.answer(receipt, location)).status(Response.Status.CREATED).location(location).build();
    }

    @PUT
    @Path(CELEBRATION)
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Update a celebration's details", description = "All details, as they now stand. Refused once it is cancelled.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "moved online", value = EXAMPLE)))
    public Response update(@PathParam("year") int year, @PathParam("id") int id,
                           @Valid @NotNull Requests.Celebration request, @Context UriInfo uri) {
        return Writes.answer(commands.handle(year, new EditionCommand.UpdateCelebration(id, details(request),
                dates.of(request.effectiveDate(), request.datePrecision()))), celebrationUri(uri, year, id));
    }

    @POST
    @Path(CELEBRATION + "/cancellation")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Cancel a celebration", description = "It stays on record, no longer changes and no longer counts.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weather", value = "{\"reason\": \"storm warning\"}")))
    public Response cancel(@PathParam("year") int year, @PathParam("id") int id,
                           @Valid @NotNull Requests.CancelCelebration request, @Context UriInfo uri) {
        return Writes.answer(commands.handle(year, new EditionCommand.CancelCelebration(id, request.reason(),
                dates.of(request.effectiveDate(), request.datePrecision()))), celebrationUri(uri, year, id));
    }

    @GET
    @Path(CELEBRATION)
    @PermitAll
    @Operation(summary = "One celebration")
    public CelebrationView celebration(@PathParam("year") int year, @PathParam("id") int id) {
        return queries.celebration(year, id).orElseThrow(() -> Rejection.notFound("celebration-not-found",
                "the " + year + " edition has no celebration " + id));
    }

    private static CelebrationDetails details(Requests.Celebration request) {
        return new CelebrationDetails(request.organizer(), request.countryCode(), request.city(), request.isOnline(),
                request.date(), request.title());
    }

    /** The number the edition gave the celebration: read from the event the write appended (also on a replay). */
    private int registeredId(int year, WriteReceipt receipt) {
        long version = receipt.events().getFirst().version();
        return commands.history(Edition.streamId(year)).stream()
                .filter(recorded -> recorded.envelope().version() == version)
                .map(recorded -> ((EditionEvent.CelebrationRegistered) recorded.event()).celebrationId())
                .findFirst().orElseThrow();
    }

    private static URI celebrationUri(UriInfo uri, int year, int id) {
        return uri.getBaseUriBuilder().path("api/wmd/editions/{year}/celebrations/{id}").build(year, id);
    }
}
