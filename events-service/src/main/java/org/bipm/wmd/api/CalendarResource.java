package org.bipm.wmd.api;

import org.bipm.platform.kernel.http.QueryParameters;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Locale;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.wmd.projection.CelebrationView;
import org.bipm.wmd.projection.EditionQueries;
import org.bipm.wmd.projection.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calendar of celebrations across all editions. */
@Path("/api/wmd/celebrations")
@Tag(name = "Celebrations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CalendarResource {

    private final EditionQueries queries;

    public CalendarResource(EditionQueries queries) {
        this.queries = queries;
    }

    @GET
    @PermitAll
    @Operation(summary = "Calendar of celebrations across editions",
            description = "Celebrations (not cancelled) taking place from one date to another, inclusive, by date.")
    public Page<CelebrationView> calendar(
            @Parameter(description = "First day (YYYY-MM-DD); 2000-01-01 when omitted") @QueryParam("from") String from,
            @Parameter(description = "Last day (YYYY-MM-DD); 9999-12-31 when omitted") @QueryParam("to") String to,
            @Parameter(description = "Only this country (ISO 3166-1 alpha-2)")
            @QueryParam("country") @Pattern(regexp = "[A-Za-z]{2}") String country,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        LocalDate first = QueryParameters.date("from", from);
        LocalDate last = QueryParameters.date("to", to);
        first = first == null ? LocalDate.of(2000, 1, 1) : first;
        last = last == null ? LocalDate.of(9999, 12, 31) : last;
        if (last.isBefore(first)) {
            throw Rejection.invalid("date-range-reversed", "'to' (" + last + ") is before 'from' (" + first + ")");
        }
        return queries.calendar(first, last, country == null ? null : country.toUpperCase(Locale.ROOT), page, size);
    }
}
