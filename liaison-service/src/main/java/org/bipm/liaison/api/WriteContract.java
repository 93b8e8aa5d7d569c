package org.bipm.liaison.api;

import java.util.Map;
import org.bipm.platform.kernel.http.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, once, what every liaison write shares: the If-Match and Idempotency-Key headers
 * and the problem answers for bad input, missing or insufficient tokens, unknown liaisons and
 * stale versions. Registered as {@code mp.openapi.filter}.
 */
public class WriteContract implements OASFilter {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid body, date or header (validation, malformed-body, date-precision-mismatch, ...)",
            "401", "No valid bearer token",
            "403", "The token lacks the liaison-officer role",
            "404", "liaison-not-found",
            "412", "precondition-failed: the liaison is no longer at the If-Match version (ETag gives the current one)",
            "503", "The database cannot be reached; nothing was changed (Retry-After)");

    @Override
    public PathItem filterPathItem(PathItem item) {
        Operation post = item.getPOST();
        if (post != null) {
            post.addParameter(header("If-Match", "The version from an ETag, e.g. \"3\"; 412 when the liaison moved on"));
            post.addParameter(header("Idempotency-Key", "A retry with the same key gets the first answer and changes nothing"));
            APIResponses responses = post.getResponses();
            PROBLEMS.forEach((status, description) -> {
                if (!responses.hasAPIResponse(status)) {
                    responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem()));
                }
            });
        }
        return item;
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
