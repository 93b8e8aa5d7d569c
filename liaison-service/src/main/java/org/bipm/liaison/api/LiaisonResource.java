package org.bipm.liaison.api;

import org.bipm.platform.kernel.http.QueryParameters;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.bipm.liaison.api.Requests.AuthorizationRequest;
import org.bipm.liaison.api.Requests.FocalPointRequest;
import org.bipm.liaison.api.Requests.ProposalRequest;
import org.bipm.liaison.api.Requests.RenewalRequest;
import org.bipm.liaison.api.Requests.SignatureRequest;
import org.bipm.liaison.api.Requests.TerminationRequest;
import org.bipm.liaison.api.Requests.WorkingGroupRoleRequest;
import org.bipm.liaison.api.Views.Fact;
import org.bipm.liaison.api.Views.LiaisonDetail;
import org.bipm.liaison.api.Views.LiaisonView;
import org.bipm.liaison.domain.Liaison;
import org.bipm.liaison.domain.LiaisonCommand;
import org.bipm.liaison.domain.LiaisonDecider;
import org.bipm.liaison.domain.LiaisonEvent;
import org.bipm.liaison.domain.LiaisonKind;
import org.bipm.liaison.domain.LiaisonStatus;
import org.bipm.liaison.projection.LiaisonQueries;
import org.bipm.liaison.service.LiaisonCommands;
import org.bipm.platform.kernel.command.EventSourcedCommands.Recorded;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Liaisons with international organizations: proposal, then one sub-resource per later fact.
 * Writes need the liaison-officer role and honour If-Match and Idempotency-Key; reads are public.
 */
@Path(LiaisonResource.PATH)
@Tag(name = "Liaisons", description = "Agreements, MoUs, liaison and observer statuses, joint declarations with international organizations")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LiaisonResource {

    static final String PATH = "/api/liaison/liaisons";
    private static final LiaisonDecider DECIDER = new LiaisonDecider();

    private final LiaisonCommands commands;
    private final LiaisonQueries queries;

    public LiaisonResource(LiaisonCommands commands, LiaisonQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @POST
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Propose a liaison",
            description = "Opens a liaison with a partner organization. Its id is readable and stable: "
                    + "PARTNER-KIND-subject-slug, with a generation suffix (--2, --3) when an earlier liaison "
                    + "with the same partner, kind and subject has ended.")
    @APIResponse(responseCode = "201", description = "Proposed; Location names the liaison, ETag is its version",
            content = @Content(schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "409", description = "duplicate-active-liaison: an active liaison with this partner, kind and subject exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "IPCC observer status", value = """
                    {"partner":{"acronym":"IPCC","fullName":"Intergovernmental Panel on Climate Change"},
                     "kind":"OBSERVER_STATUS","subject":"Observer organization",
                     "note":"BIPM update to the ISO CASCO Plenary, February 2025",
                     "effectiveDate":"2024-08-01","datePrecision":"MONTH","dateStated":false}""")))
            @Valid @NotNull ProposalRequest proposal, @Context UriInfo uri) {
        WriteReceipt receipt = commands.propose(proposal.toCommand());
        return Writes.answer(receipt, location(uri, receipt.streamId()));
    }

    @GET
    @PermitAll
    @RunOnVirtualThread
    @Operation(summary = "List liaisons", description = "Filtered by partner, kind and status; as of an effective date when asOf is given")
    @APIResponse(responseCode = "200", description = "The liaisons, ordered by partner, kind and id")
    @APIResponse(responseCode = "400", description = "A filter is not a known value or asOf is not a date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LiaisonView> list(
            @Parameter(description = "Partner acronym, e.g. ISO") @QueryParam("partner") String partner,
            @Parameter(schema = @Schema(implementation = LiaisonKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = LiaisonStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Effective date, e.g. 2023-03-01; the latest state when absent") @QueryParam("asOf") String asOf) {
        return queries.liaisons(QueryParameters.date("asOf", asOf), partner == null || partner.isBlank() ? null : partner.strip().toUpperCase(java.util.Locale.ROOT),
                        QueryParameters.oneOf(LiaisonKind.class, "kind", kind),
                        QueryParameters.oneOf(LiaisonStatus.class, "status", status))
                .stream().map(LiaisonView::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @RunOnVirtualThread
    @Operation(summary = "One liaison with its history", description = "Read from the event store; ETag is the stream version to send in If-Match")
    @APIResponse(responseCode = "200", description = "The liaison and every fact recorded about it",
            content = @Content(schema = @Schema(implementation = LiaisonDetail.class)))
    @APIResponse(responseCode = "404", description = "liaison-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        List<Recorded<LiaisonEvent>> history = commands.history(id);
        if (history.isEmpty()) {
            throw Rejection.notFound("liaison-not-found", "no liaison " + id);
        }
        Liaison liaison = (Liaison) DECIDER.fold(history.stream().map(Recorded::event).toList());
        List<Fact> facts = history.stream().map(Recorded::envelope)
                .map(e -> new Fact(e.eventId(), e.version(), e.type(), e.effectiveDate(), e.recordedAt(), e.data()))
                .toList();
        return Response.ok(new LiaisonDetail(id, history.size(), liaison, facts)).tag(Writes.etag(history.size())).build();
    }

    @POST
    @Path("{id}/authorization")
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record the CIPM's authorization", description = "The CIPM authorizes liaison work case by case")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the new version")
    @APIResponse(responseCode = "409", description = "already-authorized, liaison-ended, effective-date-before-latest-fact",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response authorize(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "decision reference not in the source", value = """
                    {"decisionReference":"not stated in the source","note":"the CIPM authorizes liaison work case by case",
                     "effectiveDate":"2024-08-01","datePrecision":"MONTH","dateStated":false}""")))
            @Valid @NotNull AuthorizationRequest request, @Context UriInfo uri) {
        return write(id, request.toCommand(), uri);
    }

    @POST
    @Path("{id}/signature")
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record the formalization", description = "Signed, admitted or granted: the liaison is then in force. "
            + "Refused before the CIPM's authorization.")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the new version")
    @APIResponse(responseCode = "409", description = "not-authorized, already-formalized, liaison-ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sign(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "joint declaration", value = """
                    {"signatories":["BIPM","OIML","ILAC","ISO"],"reviewDue":"2027-06-30",
                     "note":"Joint declaration on metrological traceability","effectiveDate":"2011-01-01","datePrecision":"YEAR"}""")))
            @Valid @NotNull SignatureRequest request, @Context UriInfo uri) {
        return write(id, request.toCommand(), uri);
    }

    @POST
    @Path("{id}/renewal")
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a renewal or reaffirmation", description = "A renewal must move an existing review date forward")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the new version")
    @APIResponse(responseCode = "409", description = "review-date-not-moved-forward, not-in-force, liaison-ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response renew(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "reaffirmed", value = """
                    {"reviewDue":"2030-12-31","note":"updated and reaffirmed","effectiveDate":"2018-01-01","datePrecision":"YEAR"}""")))
            @Valid @NotNull RenewalRequest request, @Context UriInfo uri) {
        return write(id, request.toCommand(), uri);
    }

    @POST
    @Path("{id}/focal-point")
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Nominate or replace the focal point", description = "Nominating the current focal point again changes nothing")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the new version")
    @APIResponse(responseCode = "409", description = "not-authorized, liaison-ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response nominateFocalPoint(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "focal point", value = """
                    {"focalPoint":"International Liaison and Communication Department","effectiveDate":"2024-08-01",
                     "datePrecision":"MONTH"}""")))
            @Valid @NotNull FocalPointRequest request, @Context UriInfo uri) {
        return write(id, request.toCommand(), uri);
    }

    @POST
    @Path("{id}/working-group-role")
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a working-group role", description = "One role per working group; a new role replaces the previous one")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the new version")
    @APIResponse(responseCode = "409", description = "not-authorized, liaison-ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordWorkingGroupRole(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "OECD WG2", value = """
                    {"workingGroup":"WG2: Inclusiveness (stakeholder engagement and IO coordination)","role":"focal point",
                     "effectiveDate":"2021-01-01","datePrecision":"YEAR"}""")))
            @Valid @NotNull WorkingGroupRoleRequest request, @Context UriInfo uri) {
        return write(id, request.toCommand(), uri);
    }

    @POST
    @Path("{id}/termination")
    @RunOnVirtualThread
    @RolesAllowed(Roles.LIAISON_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record that the liaison was terminated or expired", description = "Nothing changes a liaison after this")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the new version")
    @APIResponse(responseCode = "409", description = "liaison-ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response terminate(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "expired", value = """
                    {"ending":"EXPIRED","reason":"not renewed at the end of its term","effectiveDate":"2026-01-31"}""")))
            @Valid @NotNull TerminationRequest request, @Context UriInfo uri) {
        return write(id, request.toCommand(), uri);
    }

    private Response write(String id, LiaisonCommand command, UriInfo uri) {
        return Writes.answer(commands.handle(id, command), location(uri, id));
    }

    private static URI location(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path(PATH).path(id).build();
    }
}
