package org.bipm.cbkt.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bipm.cbkt.api.Requests.DatedFact;
import org.bipm.cbkt.domain.Application.Standing;
import org.bipm.cbkt.projection.ActivityQueries;
import org.bipm.cbkt.projection.EnrolmentView;
import org.bipm.cbkt.service.Enrolments;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.QueryParameters;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The enrolments of an activity: read by anyone (names and e-mails only for a coordinator and the
 * nominating RMO's secretariat), withdrawn by either of those, completed by a coordinator.
 */
@Path("/api/cbkt/activities/{id}/enrolments")
@Tag(name = "Enrolments")
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such activity or application (urn:bipm:problem:activity-not-found, application-not-found)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EnrolmentResource {

    private final Enrolments enrolments;
    private final ActivityQueries queries;
    private final Caller caller;

    public EnrolmentResource(Enrolments enrolments, ActivityQueries queries, Caller caller) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "The activity's applications, in application order",
            description = "personRef, name and e-mail only for a cbkt-coordinator, and for an RMO secretariat on its own RMO's participants.")
    @APIResponse(responseCode = "200", description = "The enrolments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A bad filter (urn:bipm:problem:invalid-query-parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "A bearer token was sent but is not valid", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<EnrolmentView> list(@PathParam("id") String id,
                                    @QueryParam("standing") @Parameter(description = "ACCEPTED, WAITLISTED or WITHDRAWN") String standing) {
        Standing filter = QueryParameters.oneOf(Standing.class, "standing", standing);
        if (!queries.exists(id)) {
            throw Rejection.notFound("activity-not-found", "no activity " + id);
        }
        return enrolments.disclose(queries.enrolments(id, filter), caller.viewer());
    }

    @GET
    @Path("{applicationId}")
    @PermitAll
    @Operation(summary = "One application and where it stands")
    @APIResponse(responseCode = "200", description = "The enrolment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class)))
    public EnrolmentView one(@PathParam("id") String id, @PathParam("applicationId") @Parameter(example = "A0001") String applicationId) {
        return queries.enrolment(id, applicationId)
                .map(row -> enrolments.disclose(List.of(row), caller.viewer()).getFirst())
                .orElseThrow(() -> Rejection.notFound("application-not-found", "activity " + id + " has no application " + applicationId));
    }

    @POST
    @Path("{applicationId}/withdrawal")
    @RolesAllowed({Roles.CBKT_COORDINATOR, Roles.RMO_SECRETARIAT})
    @Operation(summary = "Withdraw an application",
            description = "Frees the seat: the earliest waitlisted applications that now fit every quota are promoted, each "
                    + "with an ApplicationPromoted event in the same write. An RMO secretariat withdraws only its own RMO's nominations.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Today", value = "{}")))
    @APIResponse(responseCode = "200", description = "Withdrawn; the receipt lists the withdrawal and any promotions",
            headers = @Header(name = "ETag", description = "the activity's stream version after the write"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a coordinator, nor the nominating RMO's secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:application-already-withdrawn, enrolment-completed, "
            + "effective-date-before-latest-fact", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response withdraw(@PathParam("id") String id, @PathParam("applicationId") String applicationId, @Valid DatedFact request) {
        WriteReceipt receipt = enrolments.withdraw(id, applicationId, caller.viewer(), request == null ? null : request.effectiveDate());
        return Writes.answer(receipt, location(id, applicationId));
    }

    @POST
    @Path("{applicationId}/completion")
    @RolesAllowed(Roles.CBKT_COORDINATOR)
    @Operation(summary = "Record that an accepted participant completed the activity")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Completed on", value = """
                    {"effectiveDate": "2023-09-30"}""")))
    @APIResponse(responseCode = "200", description = "Recorded",
            headers = @Header(name = "ETag", description = "the activity's stream version after the write"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a cbkt-coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:enrolment-not-accepted, completion-already-recorded, "
            + "completion-before-start", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response complete(@PathParam("id") String id, @PathParam("applicationId") String applicationId, @Valid DatedFact request) {
        WriteReceipt receipt = enrolments.complete(id, applicationId, request == null ? null : request.effectiveDate());
        return Writes.answer(receipt, location(id, applicationId));
    }

    private static URI location(String id, String applicationId) {
        return URI.create("/api/cbkt/activities/" + id + "/enrolments/" + applicationId);
    }
}
