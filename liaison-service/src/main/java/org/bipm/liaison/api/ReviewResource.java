package org.bipm.liaison.api;

import org.bipm.platform.kernel.http.QueryParameters;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import org.bipm.liaison.api.Views.DueForReview;
import org.bipm.liaison.api.Views.ReviewDue;
import org.bipm.liaison.projection.LiaisonQueries;
import org.bipm.platform.kernel.http.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/liaison/due-for-review")
@Tag(name = "Liaisons")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** "Today" is the BIPM's, at Sèvres. */
    private static final ZoneId BIPM = ZoneId.of("Europe/Paris");

    private final LiaisonQueries queries;

    public ReviewResource(LiaisonQueries queries) {
        this.queries = queries;
    }

    @GET
    @PermitAll
    @RunOnVirtualThread
    @Operation(summary = "Liaisons due for review",
            description = "Liaisons in force, as of 'from', whose review date falls within the period after 'from'; "
                    + "overdue ones are included and flagged")
    @APIResponse(responseCode = "200", description = "Ordered by review date")
    @APIResponse(responseCode = "400", description = "invalid-query-parameter: a malformed period or date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DueForReview dueForReview(
            @Parameter(description = "ISO-8601 period, e.g. P90D, P6M, P1Y") @QueryParam("within") @DefaultValue("P90D") String within,
            @Parameter(description = "The date to look from, e.g. 2025-01-01; today (Paris) when absent") @QueryParam("from") String from) {
        Period period = Objects.requireNonNullElse(QueryParameters.period("within", within), Period.ofDays(90));
        LocalDate start = Objects.requireNonNullElseGet(QueryParameters.date("from", from), () -> LocalDate.now(BIPM));
        LocalDate until = start.plus(period);
        return new DueForReview(start, period.toString(), until,
                queries.dueForReview(start, until).stream().map(row -> ReviewDue.of(row, start)).toList());
    }
}
