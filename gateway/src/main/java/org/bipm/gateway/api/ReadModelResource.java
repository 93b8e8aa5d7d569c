package org.bipm.gateway.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.bipm.gateway.consistency.ReadYourWrites;
import org.bipm.gateway.projection.CountryProfileCache;
import org.bipm.gateway.projection.ReadModels;
import org.bipm.gateway.routing.ConsistencyToken;
import org.bipm.platform.kernel.domain.Rejection;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway's own views over all four services: country profiles and the dashboard summary.
 * A read carrying {@code Consistency-Token} waits until they include the writes it names.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read models", description = "Aggregated views built from the four topics")
@RunOnVirtualThread
public class ReadModelResource {

    private final ReadModels readModels;
    private final ReadYourWrites readYourWrites;
    private final CountryProfileCache profiles;

    public ReadModelResource(ReadModels readModels, ReadYourWrites readYourWrites, CountryProfileCache profiles) {
        this.readModels = readModels;
        this.readYourWrites = readYourWrites;
        this.profiles = profiles;
    }

    @GET
    @Path("/countries")
    @Operation(summary = "Every State and Economy with its membership category, status and RMO as of a date")
    @APIResponse(responseCode = "503", description = "the read models do not include a write named by Consistency-Token yet",
            content = @Content(mediaType = "application/problem+json"))
    public List<ReadModels.Membership> countries(@QueryParam("asOf") @Parameter(description = "effective date, default today") String asOf,
                                                 @HeaderParam(ConsistencyToken.HEADER) @Parameter(in = ParameterIn.HEADER, description = "tokens of earlier writes, comma-separated") String tokens) {
        readYourWrites.await(tokens);
        return readModels.countries(date(asOf));
    }

    @GET
    @Path("/countries/{code}")
    @Operation(summary = "A country profile: membership and its history, RMO, CBKT participations, World Metrology Day celebrations hosted")
    @APIResponse(responseCode = "404", description = "nothing is known of this code", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "the read models do not include a write named by Consistency-Token yet",
            content = @Content(mediaType = "application/problem+json"))
    public ReadModels.CountryProfile country(@PathParam("code") String code, @QueryParam("asOf") String asOf,
                                             @HeaderParam(ConsistencyToken.HEADER) @Parameter(in = ParameterIn.HEADER) String tokens) {
        String country = code.toUpperCase();
        LocalDate date = date(asOf);
        Optional<ReadModels.CountryProfile> profile;
        if (tokens == null) {
            profile = profiles.get(country, date, () -> readModels.country(country, date));
        } else {
            readYourWrites.await(tokens); // a reader waiting for its own write reads the tables themselves
            profile = readModels.country(country, date);
        }
        return profile.orElseThrow(() -> Rejection.notFound("country-not-found", "the read models know nothing of " + code));
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "Membership counts (per category, per RMO, over time), liaisons (by kind, status, due for review), CBKT participation, World Metrology Day")
    @APIResponse(responseCode = "503", description = "the read models do not include a write named by Consistency-Token yet",
            content = @Content(mediaType = "application/problem+json"))
    public ReadModels.Dashboard dashboard(@QueryParam("asOf") String asOf,
                                          @QueryParam("reviewWithin") @DefaultValue("P180D") @Parameter(description = "ISO period after asOf in which a review falls due") String reviewWithin,
                                          @HeaderParam(ConsistencyToken.HEADER) @Parameter(in = ParameterIn.HEADER) String tokens) {
        readYourWrites.await(tokens);
        Period within;
        try {
            within = Period.parse(reviewWithin);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("period-invalid", "reviewWithin must be an ISO period such as P90D, not " + reviewWithin);
        }
        return readModels.dashboard(date(asOf), within);
    }

    public static LocalDate date(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("date-invalid", "asOf must be a date such as 2023-03-01, not " + asOf);
        }
    }
}
