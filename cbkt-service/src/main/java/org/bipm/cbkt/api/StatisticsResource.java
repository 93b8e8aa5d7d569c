package org.bipm.cbkt.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import org.bipm.cbkt.domain.ActivityType;
import org.bipm.cbkt.projection.ActivityQueries;
import org.bipm.cbkt.projection.FundingEligibility;
import org.bipm.cbkt.projection.FundingEligibility.Eligibility;
import org.bipm.cbkt.projection.Statistics;
import org.bipm.cbkt.service.Calendar;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.http.Problem;
import org.bipm.platform.kernel.http.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public aggregates: participation statistics, and whether a country's participants may be funded. */
@Path("/api/cbkt")
@Tag(name = "Statistics", description = "Aggregated, anonymous views")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@APIResponse(responseCode = "400", description = "A bad parameter (urn:bipm:problem:invalid-query-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatisticsResource {

    private final ActivityQueries queries;
    private final FundingEligibility eligibility;
    private final Calendar calendar;

    public StatisticsResource(ActivityQueries queries, FundingEligibility eligibility, Calendar calendar) {
        this.queries = queries;
        this.eligibility = eligibility;
        this.calendar = calendar;
    }

    @GET
    @Path("statistics")
    @Operation(summary = "Participations, distinct countries and RMOs covered, in total and by activity type and year",
            description = "A participation is an enrolment holding a seat (completed or not). The year is the activity's start "
                    + "year, or the application's year for activities without a start date. Erasures leave these counts intact.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.class)))
    public Statistics statistics(@QueryParam("year") @Parameter(description = "only this year, e.g. 2023") String year,
                                 @QueryParam("type") @Parameter(description = "only this activity type, e.g. FORUM") String type) {
        return queries.statistics(Parameters.year(year), QueryParameters.oneOf(ActivityType.class, "type", type));
    }

    @GET
    @Path("funding-eligibility/{country}")
    @Operation(summary = "Whether participants from a country may be funded on a date",
            description = "Only participants whose country is a Member State or an Associate (itself, or as a State of an "
                    + "Associate Economy such as CARICOM) on the application date may be funded; learnt from bipm.membership.v1.")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Eligibility.class)))
    public Eligibility eligibility(@PathParam("country") @Parameter(description = "ISO 3166-1 alpha-2 code", example = "BB") String country,
                                   @QueryParam("date") @Parameter(description = "the date (today when absent)") String date) {
        if (!country.matches("[A-Z]{2}")) {
            throw Rejection.invalid(QueryParameters.INVALID, "the country must be an ISO 3166-1 alpha-2 code like BB, not '" + country + "'");
        }
        return eligibility.on(country, Objects.requireNonNullElseGet(QueryParameters.date("date", date), calendar::today));
    }
}
