package org.bipm.cbkt.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bipm.cbkt.api.Requests.DatedFact;
import org.bipm.cbkt.projection.ActivityQueries;
import org.bipm.cbkt.projection.EnrolmentView;
import org.bipm.cbkt.service.Enrolments;
import org.bipm.cbkt.service.Viewer;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One participant (by person reference): their enrolments, and the erasure of their personal data. */
@Path("/api/cbkt/participants/{personRef}")
@Tag(name = "Participants", description = "A participant's enrolments and the erasure of their name and e-mail")
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "urn:bipm:problem:person-not-found",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ParticipantResource {

    private static final String PERSON = "the person reference an application answered (personRef)";

    private final Enrolments enrolments;
    private final ActivityQueries queries;
    private final Caller caller;

    public ParticipantResource(Enrolments enrolments, ActivityQueries queries, Caller caller) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("enrolments")
    @RolesAllowed({Roles.CBKT_COORDINATOR, Roles.RMO_SECRETARIAT, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A participant's enrolments, most recent first",
            description = "An RMO secretariat sees only the enrolments its RMO nominated; name and e-mail as for the activity's enrolments.")
    @APIResponse(responseCode = "200", description = "The enrolments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class, type = SchemaType.ARRAY)))
    public List<EnrolmentView> enrolments(@PathParam("personRef") @Parameter(description = PERSON) String personRef) {
        Viewer viewer = caller.viewer();
        var rows = queries.enrolmentsOf(personRef);
        if (rows.isEmpty()) {
            throw Rejection.notFound("person-not-found", "no enrolment of person " + personRef);
        }
        boolean wholeHistory = viewer.coordinator() || viewer.secretariatOf() == null;
        return enrolments.disclose(rows.stream().filter(row -> wholeHistory || row.rmo() == viewer.secretariatOf()).toList(), viewer);
    }

    @POST
    @Path("erasure")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Erase the participant's name and e-mail",
            description = "Destroys the person's key and the sealed copies in the read model, and records PersonalDataErased "
                    + "(which carries no personal data). Afterwards the name and e-mail cannot be recovered from the event store, "
                    + "the outbox, the topic or any table; enrolments, counts and statistics stay.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Today", value = "{}")))
    @APIResponse(responseCode = "201", description = "Erased; the receipt names the PersonalDataErased event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:personal-data-already-erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response erase(@PathParam("personRef") @Parameter(description = PERSON) String personRef, @Valid DatedFact request) {
        WriteReceipt receipt = enrolments.erase(personRef, request == null ? null : request.effectiveDate());
        return Writes.answer(receipt, URI.create("/api/cbkt/participants/" + personRef + "/enrolments"));
    }
}
