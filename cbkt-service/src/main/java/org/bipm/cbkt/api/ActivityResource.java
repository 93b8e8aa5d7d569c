package org.bipm.cbkt.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bipm.cbkt.api.Requests.Cancellation;
import org.bipm.cbkt.api.Requests.NewActivity;
import org.bipm.cbkt.api.Requests.Publication;
import org.bipm.cbkt.api.Requests.Rescheduling;
import org.bipm.cbkt.domain.Activity;
import org.bipm.cbkt.domain.ActivityCommand;
import org.bipm.cbkt.domain.ActivityCommand.CancelActivity;
import org.bipm.cbkt.domain.ActivityCommand.CreateActivity;
import org.bipm.cbkt.domain.ActivityCommand.PublishActivity;
import org.bipm.cbkt.domain.ActivityCommand.RescheduleActivity;
import org.bipm.cbkt.domain.ActivityType;
import org.bipm.cbkt.projection.ActivityQueries;
import org.bipm.cbkt.projection.ActivityView;
import org.bipm.cbkt.service.ActivityCommands;
import org.bipm.cbkt.service.Calendar;
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
 * Activities: created, published, rescheduled and cancelled by a CBKT coordinator; read by anyone,
 * with live counts. Writes honour If-Match (the activity's ETag) and Idempotency-Key.
 */
@Path("/api/cbkt/activities")
@Tag(name = "Activities", description = "CBKT workshops, laboratory placements, e-learning courses, forums and webinars")
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid body, date or parameter (urn:bipm:problem:validation, malformed-body, "
        + "invalid-query-parameter, date-precision-mismatch, deadline-after-start, ...)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such activity (urn:bipm:problem:activity-not-found)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActivityResource {

    private static final String ID = "the activity's id, e.g. bipm-rmo-forum-2023";

    private final ActivityCommands commands;
    private final ActivityQueries queries;
    private final Calendar calendar;

    public ActivityResource(ActivityCommands commands, ActivityQueries queries, Calendar calendar) {
        this.commands = commands;
        this.queries = queries;
        this.calendar = calendar;
    }

    @POST
    @RolesAllowed(Roles.CBKT_COORDINATOR)
    @Operation(summary = "Create an activity (as a draft)",
            description = "Refused when the id is taken (activity-exists). Quotas, dates and fee may be left out when unknown.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "The 2023 BIPM/RMO forum", value = """
            {"id": "bipm-rmo-forum-2023", "title": "BIPM/RMO forum: Supporting RMO Secretariats", "type": "FORUM",
             "delivery": "IN_PERSON", "place": "BIPM headquarters", "fee": {"amount": 0},
             "schedule": {"startDate": "2023-09-01", "datePrecision": "MONTH", "durationDays": 3, "applicationDeadline": "2023-03-31"},
             "capacity": {"totalSeats": 30, "seatsPerRmo": 5, "fundedSeatsPerRmo": 3},
             "effectiveDate": "2023-01-01", "datePrecision": "YEAR"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the activity",
            headers = @Header(name = "ETag", description = "the activity's stream version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a cbkt-coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:activity-exists", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@Valid @NotNull NewActivity request) {
        var command = new CreateActivity(request.id(), request.details(),
                request.schedule() == null ? null : request.schedule().schedule(),
                request.capacity() == null ? null : request.capacity().capacity(),
                calendar.orToday(request.effectiveDate()), request.datePrecision());
        return Writes.answer(commands.handle(request.id(), command), location(request.id()));
    }

    @POST
    @Path("{id}/publication")
    @RolesAllowed(Roles.CBKT_COORDINATOR)
    @Operation(summary = "Publish an activity: open it for applications",
            description = "Refused when cancelled (activity-cancelled) or already published (activity-already-published).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Published in March 2023", value = """
                    {"effectiveDate": "2023-03-01", "datePrecision": "MONTH"}""")))
    @APIResponse(responseCode = "200", description = "Recorded; the body names the appended events",
            headers = {@Header(name = "ETag", description = "the activity's stream version after the write"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers a retried Idempotency-Key")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a cbkt-coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match names a version the activity has moved on from",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:activity-cancelled, activity-already-published, "
            + "effective-date-before-latest-fact", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response publish(@PathParam("id") @Parameter(description = ID) String id, @Valid Publication request) {
        Publication body = request == null ? new Publication(null, null) : request;
        return record(id, new PublishActivity(calendar.orToday(body.effectiveDate()), body.datePrecision()));
    }

    @POST
    @Path("{id}/schedule")
    @RolesAllowed(Roles.CBKT_COORDINATOR)
    @Operation(summary = "Reschedule an activity", description = "Dates and deadline are replaced; the same schedule again changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Known days", value = """
            {"schedule": {"startDate": "2023-09-19", "endDate": "2023-09-21", "applicationDeadline": "2023-03-31"}}""")))
    @APIResponse(responseCode = "200", description = "Recorded; the body names the appended events",
            headers = {@Header(name = "ETag", description = "the activity's stream version after the write"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers a retried Idempotency-Key")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a cbkt-coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match names a version the activity has moved on from",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:activity-cancelled, effective-date-before-latest-fact",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response reschedule(@PathParam("id") @Parameter(description = ID) String id, @Valid @NotNull Rescheduling request) {
        return record(id, new RescheduleActivity(request.schedule().schedule(), calendar.orToday(request.effectiveDate())));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed(Roles.CBKT_COORDINATOR)
    @Operation(summary = "Cancel an activity",
            description = "Withdraws every enrolment still accepted or waitlisted, each with its own ApplicationWithdrawn event.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Cancelled", value = """
                    {"reason": "postponed to next year"}""")))
    @APIResponse(responseCode = "200", description = "Recorded; the body names the appended events",
            headers = {@Header(name = "ETag", description = "the activity's stream version after the write"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers a retried Idempotency-Key")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a cbkt-coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match names a version the activity has moved on from",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "urn:bipm:problem:activity-already-cancelled, effective-date-before-latest-fact",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response cancel(@PathParam("id") @Parameter(description = ID) String id, @Valid Cancellation request) {
        Cancellation body = request == null ? new Cancellation(null, null) : request;
        return record(id, new CancelActivity(body.reason(), calendar.orToday(body.effectiveDate())));
    }

    @GET
    @PermitAll
    @Operation(summary = "List activities with live counts", description = "By start date; undated ones (self-paced courses) last.")
    @APIResponse(responseCode = "200", description = "The activities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class, type = SchemaType.ARRAY)))
    public List<ActivityView> list(
            @QueryParam("type") @Parameter(description = "WORKSHOP, LABORATORY_PLACEMENT, E_LEARNING_COURSE, FORUM or WEBINAR") String type,
            @QueryParam("status") @Parameter(description = "DRAFT, PUBLISHED or CANCELLED") String status,
            @QueryParam("year") @Parameter(description = "start year, e.g. 2023") String year) {
        return queries.activities(QueryParameters.oneOf(ActivityType.class, "type", type),
                QueryParameters.oneOf(Activity.Status.class, "status", status), Parameters.year(year));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One activity with live counts: accepted, waitlisted, funded, per RMO and seats left")
    @APIResponse(responseCode = "200", description = "The activity; ETag = its stream version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)))
    public Response one(@PathParam("id") @Parameter(description = ID) String id) {
        ActivityView activity = queries.activity(id)
                .orElseThrow(() -> Rejection.notFound("activity-not-found", "no activity " + id));
        return Response.ok(activity).tag(Writes.etag(activity.version())).build();
    }

    private Response record(String id, ActivityCommand command) {
        return Writes.answer(commands.handle(id, command), location(id));
    }

    static URI location(String id) {
        return URI.create("/api/cbkt/activities/" + id);
    }
}
