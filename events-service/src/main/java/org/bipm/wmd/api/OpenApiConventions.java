package org.bipm.wmd.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents once what every endpoint of the service shares rather than on each method: the
 * If-Match and Idempotency-Key headers of writes, the ETag they answer, and the problem+json errors.
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String RECEIPT_REF = "#/components/schemas/WriteReceipt";

    private static final Map<String, String> WRITE_ERRORS = Map.of(
            "400", "Invalid request (malformed JSON, wrong type, invalid value, unknown code); type names the rule",
            "401", "No valid bearer token",
            "403", "The token lacks the communications-officer role",
            "404", "No such edition or celebration",
            "409", "Refused by a rule of the edition (e.g. urn:bipm:problem:theme-locked-after-publication)",
            "412", "If-Match names a version the edition has moved past; ETag gives the current one",
            "503", "The database is unreachable; nothing changed, retry after Retry-After seconds");
    private static final Map<String, String> READ_ERRORS = Map.of(
            "400", "Invalid query parameter",
            "503", "The database is unreachable; retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("WriteReceipt", receiptSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/wmd")) {
                item.getOperations().forEach((method, operation) -> document(method, operation, path));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation, String path) {
        APIResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.GET) {
            READ_ERRORS.forEach((status, description) -> addProblem(responses, status, description));
            if (path.contains("{")) {
                addProblem(responses, "404", "No such edition or celebration");
            }
            return;
        }
        operation.addParameter(header("If-Match",
                "Apply only if the edition is still at this version (its ETag, e.g. \"3\"); 412 otherwise"));
        operation.addParameter(header("Idempotency-Key",
                "Apply the write once: a retry with the same key and body gets the first answer again"));
        WRITE_ERRORS.forEach((status, description) -> addProblem(responses, status, description));
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(RECEIPT_REF))));
                response.addHeader("ETag", responseHeader("The edition's version after the write"));
                response.addHeader("Stream-Id", responseHeader("The edition's stream, e.g. WMD-2024"));
                response.addHeader("Idempotent-Replayed", responseHeader("true when this is the answer to an earlier request with the same Idempotency-Key"));
            }
        });
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Header responseHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Schema receiptSchema() {
        Schema event = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("eventId", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("CelebrationRegistered")))
                .addProperty("version", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The answer to every write: the edition's stream, its version after the write, whether the "
                        + "write created it, and the events appended (none when the command changed nothing)")
                .addProperty("streamId", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("WMD-2024")))
                .addProperty("version", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("created", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                .addProperty("events", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(event));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is stable: urn:bipm:problem:<rule>")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("urn:bipm:problem:translation-already-published")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text);
    }
}
