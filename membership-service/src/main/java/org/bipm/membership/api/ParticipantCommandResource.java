package org.bipm.membership.api;

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
import org.bipm.membership.api.MembershipRequests.Accession;
import org.bipm.membership.api.MembershipRequests.AssociateAdmission;
import org.bipm.membership.api.MembershipRequests.DatedFact;
import org.bipm.membership.api.MembershipRequests.InstituteDesignation;
import org.bipm.membership.api.MembershipRequests.ReasonedFact;
import org.bipm.membership.api.MembershipRequests.RmoAffiliation;
import org.bipm.membership.domain.MembershipCommand;
import org.bipm.membership.domain.MembershipCommand.Accede;
import org.bipm.membership.domain.MembershipCommand.AdmitAssociate;
import org.bipm.membership.domain.MembershipCommand.ChangeRmo;
import org.bipm.membership.domain.MembershipCommand.DesignateInstitute;
import org.bipm.membership.domain.MembershipCommand.Exclude;
import org.bipm.membership.domain.MembershipCommand.Reinstate;
import org.bipm.membership.domain.MembershipCommand.SignMra;
import org.bipm.membership.domain.MembershipCommand.Suspend;
import org.bipm.membership.domain.MembershipCommand.Withdraw;
import org.bipm.membership.service.ParticipantCommands;
import org.bipm.platform.kernel.command.WriteReceipt;
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

/**
 * Records facts about one participant, one sub-resource per kind of fact (role membership-officer).
 * Honours If-Match (the participant's ETag) and Idempotency-Key.
 */
@Path("/api/membership")
@Tag(name = "Membership facts", description = "Record what happened to a Member State, Associate State or Associate Economy")
@RolesAllowed(Roles.MEMBERSHIP_OFFICER)
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", description = "Recorded; the body names the appended event",
        headers = {@Header(name = "ETag", description = "the participant's stream version after the fact"),
                @Header(name = "Idempotent-Replayed", description = "true when this is the stored answer to a retried Idempotency-Key")},
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
@APIResponse(responseCode = "400", description = "Invalid code, body or date (e.g. urn:bipm:problem:invalid-participant-code)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the membership-officer role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such participant (urn:bipm:problem:participant-not-found)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Refused by a membership rule, e.g. urn:bipm:problem:already-member-state, "
        + "participant-withdrawn, effective-date-before-latest-fact",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names a version the participant has moved on from",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ParticipantCommandResource {

    private static final String CODE = "ISO 3166-1 alpha-2 code (e.g. KR), or an upper-case identifier where none exists (e.g. CARICOM)";

    private final ParticipantCommands commands;

    public ParticipantCommandResource(ParticipantCommands commands) {
        this.commands = commands;
    }

    @POST
    @Path("participants/{code}/associate-admission")
    @Operation(summary = "Admit a State or an Economy as an Associate of the CGPM",
            description = "Refused when the participant already takes part (participant-exists); a participant that withdrew "
                    + "or was excluded may be admitted again. Only an Associate Economy may list its composition.")
    @APIResponse(responseCode = "201", description = "Admitted: a new participant; Location and ETag name it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "Associate Economy made of States", value = """
                    {"name": "CARICOM", "category": "ASSOCIATE_ECONOMY",
                     "composition": [{"code": "BB", "name": "Barbados"}, {"code": "GY", "name": "Guyana"}],
                     "effectiveDate": "2023-03-01", "datePrecision": "MONTH",
                     "source": "Annex of the BIPM liaison report to ISO CASCO, March 2023"}"""),
            @ExampleObject(name = "Associate State", value = """
                    {"name": "Ghana", "category": "ASSOCIATE_STATE", "effectiveDate": "2023-03-01", "datePrecision": "MONTH"}""")}))
    public Response admitAssociate(@PathParam("code") @Parameter(description = CODE, example = "HK") String code,
                                   @Valid @NotNull AssociateAdmission request) {
        return record(new AdmitAssociate(code, request.name(), request.category(), request.composition(),
                request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/accession")
    @Operation(summary = "Record the accession to the Metre Convention",
            description = "Of a new participant (name required) or of an Associate State, whose history keeps both facts. "
                    + "Refused for a Member State (already-member-state), an Associate Economy (economies-cannot-accede) "
                    + "and a suspended participant (participant-suspended).")
    @APIResponse(responseCode = "201", description = "Acceded as a new participant; Location and ETag name it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "New Member State", value = """
                    {"name": "Kazakhstan", "effectiveDate": "2023-03-01", "datePrecision": "MONTH",
                     "source": "Annex of the BIPM liaison report to ISO CASCO, March 2023"}"""),
            @ExampleObject(name = "Associate State acceding", value = """
                    {"effectiveDate": "2024-05-20"}""")}))
    public Response accede(@PathParam("code") @Parameter(description = CODE, example = "KZ") String code,
                           @Valid @NotNull Accession request) {
        return record(new Accede(code, request.name(), request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/rmo")
    @Operation(summary = "Set or change the participant's Regional Metrology Organization",
            description = "Refused for an unknown RMO (unknown-rmo) or the RMO it already belongs to (rmo-unchanged).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "SIM",
            value = """
                    {"rmo": "SIM", "effectiveDate": "2023-05-20"}""")))
    public Response changeRmo(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                              @Valid @NotNull RmoAffiliation request) {
        return record(new ChangeRmo(code, request.rmo(), request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/suspension")
    @Operation(summary = "Suspend the participant (e.g. for arrears)", description = "Refused when already suspended.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Arrears",
            value = """
                    {"reason": "arrears", "effectiveDate": "2024-01-01"}""")))
    public Response suspend(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                            @Valid @NotNull ReasonedFact request) {
        return record(new Suspend(code, request.reason(), request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/reinstatement")
    @Operation(summary = "Lift the participant's suspension", description = "Refused when it is not suspended (not-suspended).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Arrears settled",
            value = """
                    {"effectiveDate": "2024-06-01", "source": "arrears settled"}""")))
    public Response reinstate(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                              @Valid @NotNull DatedFact request) {
        return record(new Reinstate(code, request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/withdrawal")
    @Operation(summary = "Record that the participant withdrew",
            description = "Afterwards nothing changes until it is admitted or accedes again (participant-withdrawn).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Withdrawal",
            value = """
                    {"effectiveDate": "2025-01-01"}""")))
    public Response withdraw(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                             @Valid @NotNull DatedFact request) {
        return record(new Withdraw(code, request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/exclusion")
    @Operation(summary = "Record that the participant was excluded",
            description = "Afterwards nothing changes until it is admitted or accedes again (participant-excluded).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Exclusion",
            value = """
                    {"reason": "arrears", "effectiveDate": "2025-01-01"}""")))
    public Response exclude(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                            @Valid @NotNull ReasonedFact request) {
        return record(new Exclude(code, request.reason(), request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/mra-signature")
    @Operation(summary = "Record the participant's signature of the CIPM MRA", description = "Refused when already signed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Signature",
            value = """
                    {"effectiveDate": "1999-10-14"}""")))
    public Response signMra(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                            @Valid @NotNull DatedFact request) {
        return record(new SignMra(code, request.effectiveDate(), request.datePrecision(), request.source()));
    }

    @POST
    @Path("participants/{code}/designated-institutes")
    @Operation(summary = "Record an institute taking part in the CIPM MRA for the participant",
            description = "The participant must have signed the CIPM MRA (mra-not-signed); an institute is designated once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "NMI",
            value = """
                    {"name": "INTI", "kind": "NMI", "effectiveDate": "2023-03-01", "datePrecision": "MONTH"}""")))
    public Response designateInstitute(@PathParam("code") @Parameter(description = CODE, example = "AR") String code,
                                       @Valid @NotNull InstituteDesignation request) {
        return record(new DesignateInstitute(code, request.name(), request.kind(), request.effectiveDate(),
                request.datePrecision(), request.source()));
    }

    private Response record(MembershipCommand command) {
        WriteReceipt receipt = commands.handle(command.code(), command);
        return Writes.answer(receipt, URI.create("/api/membership/participants/" + command.code()));
    }
}
