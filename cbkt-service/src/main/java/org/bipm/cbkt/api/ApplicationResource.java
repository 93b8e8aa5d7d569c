package org.bipm.cbkt.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bipm.cbkt.api.Requests.ApplicationRequest;
import org.bipm.cbkt.domain.Outcome;
import org.bipm.cbkt.service.Enrolments;
import org.bipm.cbkt.service.Enrolments.Decision;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applications to an activity, by an RMO secretariat (for its own RMO) or a CBKT coordinator; the outcome is decided at once. */
@Path("/api/cbkt/activities/{id}/applications")
@Tag(name = "Enrolments", description = "Applications, their outcomes, withdrawals and completions")
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final Enrolments enrolments;
    private final Caller caller;

    public ApplicationResource(Enrolments enrolments, Caller caller) {
        this.enrolments = enrolments;
        this.caller = caller;
    }

    @Schema(description = "The outcome of an application: ACCEPTED (funded or not), ACCEPTED_WITHOUT_FUNDING or WAITLISTED, with the reason")
    public record ApplicationAnswer(String activityId, String applicationId,
                                    @Schema(description = "the participant's reference, for later reads and an erasure request")
                                    String personRef, Outcome outcome, boolean funded,
                                    @Schema(description = "why funding was refused or the application waits: RMO_FUNDED_SEATS_FULL, "
                                            + "COUNTRY_NOT_ELIGIBLE, SEATS_FULL, RMO_SEATS_FULL") String reason,
                                    String reasonText, long version, List<WriteReceipt.EventRef> events) {
    }

    @POST
    @RolesAllowed({Roles.RMO_SECRETARIAT, Roles.CBKT_COORDINATOR})
    @Operation(summary = "Apply for a participant",
            description = "Refused (409) after the deadline (application-deadline-passed), for a participant already enrolled "
                    + "in the activity (duplicate-participant, same e-mail), or when the activity is cancelled (activity-cancelled) "
                    + "or not published (activity-not-published). Funding only for participants whose country is a Member State "
                    + "or Associate on the application date. The name and e-mail are stored and published only encrypted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "By an RMO secretariat (its RMO from the token)", value = """
                    {"participant": {"name": "A. Participant", "email": "a.participant@nmi.example",
                     "institute": "National Metrology Institute", "country": "KE"}, "fundingRequested": true}"""),
            @ExampleObject(name = "By a coordinator", value = """
                    {"participant": {"name": "A. Participant", "email": "a.participant@nmi.example",
                     "institute": "National Metrology Institute", "country": "PE"}, "rmo": "SIM", "fundingRequested": false}""")}))
    @APIResponse(responseCode = "201", description = "The outcome; Location names the enrolment",
            headers = {@Header(name = "ETag", description = "the activity's stream version after the application"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers a retried Idempotency-Key")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (urn:bipm:problem:validation, malformed-body, unknown-rmo, rmo-missing)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Neither rmo-secretariat nor cbkt-coordinator, or a secretariat applying for another RMO",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "urn:bipm:problem:activity-not-found", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Refused: application-deadline-passed, duplicate-participant, activity-cancelled, "
            + "activity-not-published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response apply(@PathParam("id") @Parameter(description = "the activity's id") String id,
                          @Valid @NotNull ApplicationRequest request) {
        Rmo rmo = enrolments.nominatingRmo(caller.viewer(), request.rmo());
        Decision decision = enrolments.apply(id, request.participant().participant(), rmo, Boolean.TRUE.equals(request.fundingRequested()));
        URI location = URI.create("/api/cbkt/activities/" + id + "/enrolments/" + decision.applicationId());
        WriteReceipt receipt = decision.receipt();
        return Response.fromResponse(Writes.answer(receipt, location)).status(Response.Status.CREATED).location(location)
                .entity(new ApplicationAnswer(id, decision.applicationId(), decision.personRef(), decision.outcome(), decision.funded(),
                        decision.reason(), decision.reasonText(), receipt.version(), receipt.events()))
                .build();
    }
}
