package org.bipm.gateway.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.bipm.gateway.api.ReadModelResource;
import org.bipm.gateway.projection.ReadModels;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard for people: the page itself (charts drawn in the browser from {@code /api/dashboard},
 * the live feed from {@code /api/activity/stream}) and the liaisons-due table, which htmx refreshes.
 * Every script is served by the gateway: it works with no outside network.
 */
@Path("/")
@Tag(name = "Web dashboard")
@RunOnVirtualThread
public class DashboardPage {

    private static final Period REVIEW_WITHIN = Period.ofDays(180);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(String asOf);

        static native TemplateInstance liaisonsDue(LocalDate until, List<ReadModels.Liaison> liaisons);
    }

    private final ReadModels readModels;

    public DashboardPage(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The web dashboard")
    public TemplateInstance page(@QueryParam("asOf") String asOf) {
        return Templates.dashboard(asOf == null || asOf.isBlank() ? "" : date(asOf).toString());
    }

    @GET
    @Path("fragments/liaisons-due")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The table of liaisons due for review (an HTML fragment for the dashboard)")
    public TemplateInstance liaisonsDue(@QueryParam("asOf") String asOf) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now() : date(asOf);
        return Templates.liaisonsDue(date.plus(REVIEW_WITHIN), readModels.dashboard(date, REVIEW_WITHIN).liaisons().dueForReview());
    }

    private static LocalDate date(String asOf) {
        return ReadModelResource.date(asOf);
    }
}
