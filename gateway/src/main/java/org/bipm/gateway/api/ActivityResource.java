package org.bipm.gateway.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bipm.gateway.consistency.ReadYourWrites;
import org.bipm.gateway.projection.ActivityItem;
import org.bipm.gateway.projection.LiveFeed;
import org.bipm.gateway.projection.ReadModels;
import org.bipm.gateway.routing.ConsistencyToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Every event of every service in one feed, newest first; and the same, live. */
@Path("/api/activity")
@Tag(name = "Read models")
public class ActivityResource {

    private final ReadModels readModels;
    private final ReadYourWrites readYourWrites;
    private final LiveFeed liveFeed;

    public ActivityResource(ReadModels readModels, ReadYourWrites readYourWrites, LiveFeed liveFeed) {
        this.readModels = readModels;
        this.readYourWrites = readYourWrites;
        this.liveFeed = liveFeed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(summary = "The activity feed, newest first, paged; filter by service, event type, country")
    public ReadModels.ActivityPage activity(@QueryParam("service") String service, @QueryParam("type") String type,
                                            @QueryParam("country") String country,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size,
                                            @HeaderParam(ConsistencyToken.HEADER) @Parameter(in = ParameterIn.HEADER) String tokens) {
        readYourWrites.await(tokens);
        return readModels.activity(service, type, country, page, size);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The activity feed live, as Server-Sent Events (same filters)")
    public Multi<ActivityItem> stream(@QueryParam("service") String service, @QueryParam("type") String type,
                                      @QueryParam("country") String country) {
        return liveFeed.items().filter(item -> (service == null || service.equals(item.service()))
                && (type == null || type.equals(item.type()))
                && (country == null || country.equals(item.country())));
    }
}
