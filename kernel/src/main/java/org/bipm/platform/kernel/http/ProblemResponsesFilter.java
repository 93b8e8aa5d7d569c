package org.bipm.platform.kernel.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bipm.platform.kernel.command.CurrentCommandContext;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents once, for every service, what the kernel gives every endpoint: the problem+json
 * answers of {@link ProblemMappers}, and on writes the {@code If-Match} and {@code Idempotency-Key}
 * request headers and the {@code ETag}, {@code Stream-Id}, {@code Idempotent-Replayed} answer headers
 * of {@link Writes}. A response an endpoint documents itself is kept. A write that is not a
 * command on a stream opts out with the extension {@code x-stream-write: false}.
 * Registered as {@code mp.openapi.filter} in the kernel's configuration.
 */
public class ProblemResponsesFilter implements OASFilter {

    public static final String NOT_A_STREAM_WRITE = "x-stream-write";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> WRITE_PROBLEMS = ordered(
            "400", "Invalid request: malformed JSON, a wrong type or value, an invalid header; `type` names the rule",
            "401", "No valid bearer token",
            "403", "The token lacks the role this write needs",
            "404", "No such stream",
            "409", "Refused by a rule of the domain; `type` names it (urn:bipm:problem:<rule>)",
            "412", "If-Match names a version the stream has moved past; `currentVersion` gives the current one",
            "503", "The database is unreachable; nothing changed, retry after Retry-After seconds");
    private static final Map<String, String> READ_PROBLEMS = ordered(
            "400", "Invalid query parameter",
            "503", "The database is unreachable; retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/q/")) {
                item.getOperations().forEach((method, operation) -> document(method, operation, path));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation, String path) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        if (!write) {
            READ_PROBLEMS.forEach((status, description) -> addProblem(responses, status, description));
            if (path.contains("{")) {
                addProblem(responses, "404", "Not found");
            }
            return;
        }
        boolean streamWrite = operation.getExtensions() == null
                || !"false".equals(String.valueOf(operation.getExtensions().get(NOT_A_STREAM_WRITE)));
        if (!streamWrite) {
            addProblem(responses, "401", WRITE_PROBLEMS.get("401"));
            addProblem(responses, "403", WRITE_PROBLEMS.get("403"));
            addProblem(responses, "503", WRITE_PROBLEMS.get("503"));
            return;
        }
        addHeaderParameter(operation, "If-Match",
                "Apply only if the stream is still at this version (its ETag, e.g. \"3\"); 412 otherwise");
        addHeaderParameter(operation, CurrentCommandContext.IDEMPOTENCY_KEY,
                "Apply the write once: a retry with the same key and body gets the first answer again");
        WRITE_PROBLEMS.forEach((status, description) -> addProblem(responses, status, description));
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    addHeader(response, "ETag", "The stream's version after the write, for a later If-Match");
                    addHeader(response, "Stream-Id", "The stream the write went to");
                    addHeader(response, "Idempotent-Replayed", "true when this answers an earlier request with the same Idempotency-Key");
                }
            });
        }
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.content(problemContent()); // documented by the endpoint, but without its body
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static void addHeaderParameter(Operation operation, String name, String description) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters != null && parameters.stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER)) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false)
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    private static void addHeader(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            response.addHeader(name, header);
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; `type` is stable (urn:bipm:problem:<rule>) so clients can branch on it")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("urn:bipm:problem:precondition-failed")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
