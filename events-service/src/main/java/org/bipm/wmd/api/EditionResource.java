package org.bipm.wmd.api;

import org.bipm.platform.kernel.http.QueryParameters;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.platform.kernel.http.Writes;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.wmd.domain.EditionCommand;
import org.bipm.wmd.projection.EditionQueries;
import org.bipm.wmd.projection.EditionSummary;
import org.bipm.wmd.service.EditionCommands;
import org.bipm.wmd.service.FactDates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** World Metrology Day editions: one per year, its theme, poster, special events and reported figures. */
@Path("/api/wmd/editions")
@Tag(name = "Editions", description = "World Metrology Day editions (20 May), one per year")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class EditionResource {

    static final String YEAR = "{year: \\d{1,4}}";

    private final EditionCommands commands;
    private final EditionQueries queries;
    private final FactDates dates;

    public EditionResource(EditionCommands commands, EditionQueries queries, FactDates dates) {
        this.commands = commands;
        this.queries = queries;
        this.dates = dates;
    }

    @POST
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Announce the edition of a year", description = "Refused when the year already has an edition.")
    @APIResponse(responseCode = "201", description = "Announced; Location names the edition")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2024",
            value = "{\"year\": 2024, \"effectiveDate\": \"2024-01-01\", \"datePrecision\": \"YEAR\"}")))
    public Response announce(@Valid @NotNull Requests.AnnounceEdition request, @Context UriInfo uri) {
        int year = request.year();
        return answer(year, new EditionCommand.AnnounceEdition(year, dates.of(request.effectiveDate(), request.datePrecision())), uri);
    }

    @PUT
    @Path(YEAR + "/theme")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Set or change the theme", description = "Refused once the edition is published.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2023",
            value = "{\"theme\": \"Measurements supporting the global food system\", \"effectiveDate\": \"2023-01-01\", \"datePrecision\": \"YEAR\"}")))
    public Response setTheme(@PathParam("year") int year, @Valid @NotNull Requests.SetTheme request, @Context UriInfo uri) {
        return answer(year, new EditionCommand.SetTheme(request.theme(), dates.of(request.effectiveDate(), request.datePrecision())), uri);
    }

    @POST
    @Path(YEAR + "/publication")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Publish the edition", description = "Needs a theme; from now on the theme is final.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "today", value = "{}")))
    public Response publish(@PathParam("year") int year, @Valid Requests.Publication request, @Context UriInfo uri) {
        Requests.Publication body = request == null ? new Requests.Publication(null, null) : request;
        return answer(year, new EditionCommand.PublishEdition(dates.of(body.effectiveDate(), body.datePrecision())), uri);
    }

    @PUT
    @Path(YEAR + "/poster/partner")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Designate the poster partner",
            description = "An institute (with its country), the RMO under whose auspices the poster is made, or both. "
                    + "Refused once the poster is published.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2023",
            value = "{\"institute\": \"INTI\", \"countryCode\": \"AR\", \"rmo\": \"SIM\", \"effectiveDate\": \"2023-01-01\", \"datePrecision\": \"YEAR\"}")))
    public Response designatePosterPartner(@PathParam("year") int year, @Valid @NotNull Requests.DesignatePosterPartner request,
                                           @Context UriInfo uri) {
        Rmo rmo = request.rmo() == null ? null : Rmo.parse(request.rmo());
        return answer(year, new EditionCommand.DesignatePosterPartner(request.institute(), request.countryCode(), rmo,
                dates.of(request.effectiveDate(), request.datePrecision())), uri);
    }

    @POST
    @Path(YEAR + "/poster/publication")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Publish the poster", description = "Refused when it is already published.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "today", value = "{}")))
    public Response publishPoster(@PathParam("year") int year, @Valid Requests.Publication request, @Context UriInfo uri) {
        Requests.Publication body = request == null ? new Requests.Publication(null, null) : request;
        return answer(year, new EditionCommand.PublishPoster(dates.of(body.effectiveDate(), body.datePrecision())), uri);
    }

    @POST
    @Path(YEAR + "/poster/translations")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Publish a translation of the poster",
            description = "One per language (ISO 639-1); refused before the poster is published.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Spanish", value = "{\"language\": \"es\"}")))
    public Response publishTranslation(@PathParam("year") int year, @Valid @NotNull Requests.PublishTranslation request,
                                       @Context UriInfo uri) {
        return answer(year, new EditionCommand.PublishPosterTranslation(request.language(),
                dates.of(request.effectiveDate(), request.datePrecision())), uri);
    }

    @POST
    @Path(YEAR + "/special-events")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Record a special event", description = "Starting in the edition's year, in at least one place.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2025",
            value = "{\"title\": \"150 years of the signing of the Metre Convention\", \"startDate\": \"2025-05-20\", "
                    + "\"endDate\": \"2025-05-22\", \"places\": [\"Paris\", \"Versailles\"], "
                    + "\"url\": \"https://www.bipm.org/en/bipm-anniversary\", \"effectiveDate\": \"2025-02-01\", \"datePrecision\": \"MONTH\"}")))
    public Response recordSpecialEvent(@PathParam("year") int year, @Valid @NotNull Requests.RecordSpecialEvent request,
                                       @Context UriInfo uri) {
        LocalDate end = request.endDate() == null ? request.startDate() : request.endDate();
        return answer(year, new EditionCommand.RecordSpecialEvent(request.title(), request.startDate(), end,
                request.places(), request.url(), dates.of(request.effectiveDate(), request.datePrecision())), uri);
    }

    @POST
    @Path(YEAR + "/reported-figures")
    @RolesAllowed(Roles.COMMUNICATIONS_OFFICER)
    @Operation(summary = "Note a figure a source reports",
            description = "E.g. \"more than 30 celebratory events\": kept as stated, beside what is recorded, never in its place. "
                    + "A later report of the same measure replaces it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2022 translations",
            value = "{\"measure\": \"POSTER_TRANSLATIONS\", \"qualifier\": \"MORE_THAN\", \"value\": 20, "
                    + "\"source\": \"BIPM Liaison Report to the ISO CASCO, March 2023\", \"effectiveDate\": \"2023-03-01\", \"datePrecision\": \"MONTH\"}")))
    public Response reportFigure(@PathParam("year") int year, @Valid @NotNull Requests.ReportFigure request, @Context UriInfo uri) {
        return answer(year, new EditionCommand.ReportFigure(request.measure(), request.qualifier(), request.value(),
                request.source(), dates.of(request.effectiveDate(), request.datePrecision())), uri);
    }

    @GET
    @PermitAll
    @Operation(summary = "All editions, by year", description = "With asOf, as they stood on that date.")
    public List<EditionSummary> editions(
            @Parameter(description = "A date (YYYY-MM-DD): the editions as they stood then") @QueryParam("asOf") String asOf) {
        return queries.editions(QueryParameters.date("asOf", asOf));
    }

    @GET
    @Path(YEAR)
    @PermitAll
    @Operation(summary = "One edition with its theme, poster, translations, special events and celebrations",
            description = "Celebrations come paged (by date), optionally for one country, with counts by country. "
                    + "ETag is the edition's stream version (for If-Match).")
    @APIResponse(responseCode = "200", description = "The edition")
    public Response edition(@PathParam("year") int year,
                            @Parameter(description = "Only celebrations in this country (ISO 3166-1 alpha-2)")
                            @QueryParam("country") @Pattern(regexp = "[A-Za-z]{2}") String country,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                            @Parameter(description = "A date (YYYY-MM-DD): the edition as it stood then")
                            @QueryParam("asOf") String asOf) {
        LocalDate on = QueryParameters.date("asOf", asOf);
        EditionSummary edition = queries.edition(year, on).orElseThrow(() -> Rejection.notFound("edition-not-found",
                "no World Metrology Day edition " + year + (on == null ? "" : " as of " + on)));
        String countryCode = country == null ? null : country.toUpperCase(Locale.ROOT);
        EditionView view = EditionView.of(edition, queries.countsByCountry(year, on), countryCode,
                queries.celebrations(year, countryCode, on, page, size));
        Response.ResponseBuilder response = Response.ok(view);
        return (on == null ? response.tag(Writes.etag(edition.version())) : response).build();
    }

    private Response answer(int year, EditionCommand command, UriInfo uri) {
        WriteReceipt receipt = commands.handle(year, command);
        return Writes.answer(receipt, editionUri(uri, year));
    }

    static URI editionUri(UriInfo uri, int year) {
        return uri.getBaseUriBuilder().path("api/wmd/editions/{year}").build(year);
    }
}
