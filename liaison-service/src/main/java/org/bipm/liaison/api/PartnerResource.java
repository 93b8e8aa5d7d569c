package org.bipm.liaison.api;

import org.bipm.platform.kernel.http.QueryParameters;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bipm.liaison.api.Views.PartnerView;
import org.bipm.liaison.projection.LiaisonQueries;
import org.bipm.platform.kernel.http.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/liaison/partners")
@Tag(name = "Partners", description = "International organizations and bodies the BIPM has liaisons with")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    private final LiaisonQueries queries;

    public PartnerResource(LiaisonQueries queries) {
        this.queries = queries;
    }

    @GET
    @PermitAll
    @RunOnVirtualThread
    @Operation(summary = "Partners with their active liaisons",
            description = "Every partner that leads a liaison, with the active (proposed, authorized or in force) "
                    + "liaisons it leads or signed, their status and review dates")
    @APIResponse(responseCode = "200", description = "Partners by acronym")
    @APIResponse(responseCode = "400", description = "asOf is not a date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PartnerView> partners(
            @Parameter(description = "Effective date, e.g. 2023-03-01; the latest state when absent") @QueryParam("asOf") String asOf) {
        return queries.partners(QueryParameters.date("asOf", asOf)).stream().map(PartnerView::of).toList();
    }
}
