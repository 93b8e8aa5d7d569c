package org.bipm.membership.api;

import org.bipm.platform.kernel.http.QueryParameters;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bipm.membership.domain.Category;
import org.bipm.membership.domain.Participant;
import org.bipm.membership.domain.ParticipantCode;
import org.bipm.membership.domain.Status;
import org.bipm.membership.projection.MembershipSummary;
import org.bipm.membership.projection.ParticipantSnapshots;
import org.bipm.membership.projection.ParticipantView;
import org.bipm.membership.service.ParticipantCommands;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.Writes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public views of membership: participants now or as of a date, one participant's state and history, counts. */
@Path("/api/membership")
@Tag(name = "Membership views", description = "Member States and Associates, now or as of a date (anonymous)")
@PermitAll
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A query parameter or code is invalid (urn:bipm:problem:invalid-query-parameter, "
        + "invalid-participant-code, unknown-rmo)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MembershipReadResource {

    private static final String AS_OF = "Answer as of this date (YYYY-MM-DD), by the facts' effective dates; "
            + "absent = every recorded fact";

    private final ParticipantCommands commands;
    private final ParticipantSnapshots snapshots;

    public MembershipReadResource(ParticipantCommands commands, ParticipantSnapshots snapshots) {
        this.commands = commands;
        this.snapshots = snapshots;
    }

    @GET
    @Path("participants")
    @Operation(summary = "List participants, optionally filtered, as of a date")
    @APIResponse(responseCode = "200", description = "Participants ordered by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ParticipantView.class)))
    public List<ParticipantView> list(
            @QueryParam("category") @Parameter(description = "MEMBER_STATE, ASSOCIATE_STATE or ASSOCIATE_ECONOMY") String category,
            @QueryParam("rmo") @Parameter(description = "AFRIMETS, APMP, COOMET, EURAMET, GULFMET or SIM") String rmo,
            @QueryParam("status") @Parameter(description = "ACTIVE, SUSPENDED, WITHDRAWN or EXCLUDED") String status,
            @QueryParam("asOf") @Parameter(description = AS_OF, example = "2023-03-31") String asOf) {
        var filter = new ParticipantSnapshots.Filter(
                QueryParameters.oneOf(Category.class, "category", category),
                rmo == null || rmo.isBlank() ? null : Rmo.parse(rmo),
                QueryParameters.oneOf(Status.class, "status", status));
        return snapshots.list(QueryParameters.date("asOf", asOf), filter);
    }

    @GET
    @Path("participants/{code}")
    @Operation(summary = "One participant's current state", description = "Its ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The participant",
            headers = @Header(name = "ETag", description = "the participant's stream version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "404", description = "No such participant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response participant(@PathParam("code") @Parameter(example = "KR") String code) {
        var loaded = commands.load(ParticipantCode.requireValid(code));
        if (!(loaded.state() instanceof Participant.Known known)) {
            throw notFound(code);
        }
        return Response.ok(ParticipantView.of(code, known)).tag(Writes.etag(loaded.version())).build();
    }

    @GET
    @Path("participants/{code}/history")
    @Operation(summary = "Every fact recorded about a participant, oldest first")
    @APIResponse(responseCode = "200", description = "The participant's events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class)))
    @APIResponse(responseCode = "404", description = "No such participant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response history(@PathParam("code") @Parameter(example = "CARICOM") String code) {
        List<HistoryEntry> history = commands.history(ParticipantCode.requireValid(code)).stream().map(HistoryEntry::of).toList();
        if (history.isEmpty()) {
            throw notFound(code);
        }
        return Response.ok(history).tag(Writes.etag(history.getLast().version())).build();
    }

    @GET
    @Path("summary")
    @Operation(summary = "Counts of Member States and Associates, per category and per RMO, as of a date")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipSummary.class),
                    examples = @ExampleObject(name = "As of 2023-03-31", value = """
                            {"asOf": "2023-03-31", "memberStates": 64, "associates": 35,
                             "byCategory": {"MEMBER_STATE": 64, "ASSOCIATE_STATE": 32, "ASSOCIATE_ECONOMY": 3},
                             "byRmo": {"AFRIMETS": 0, "APMP": 0, "COOMET": 0, "EURAMET": 0, "GULFMET": 0, "SIM": 0},
                             "withoutRmo": 99,
                             "byStatus": {"ACTIVE": 99, "SUSPENDED": 0, "WITHDRAWN": 0, "EXCLUDED": 0}}""")))
    public MembershipSummary summary(@QueryParam("asOf") @Parameter(description = AS_OF, example = "2023-03-31") String asOf) {
        return snapshots.summary(QueryParameters.date("asOf", asOf));
    }

    private static Rejection notFound(String code) {
        return Rejection.notFound("participant-not-found", "no participant " + code);
    }
}
