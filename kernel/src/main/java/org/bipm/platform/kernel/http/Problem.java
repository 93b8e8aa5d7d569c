package org.bipm.platform.kernel.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is stable ({@code urn:bipm:problem:<code>}) so clients
 * can branch on it; {@code title} is fixed per type, {@code detail} explains this occurrence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:bipm:problem:";

    public static Problem of(Response.Status status, String code, String title, String detail) {
        return of(status.getStatusCode(), code, title, detail);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, null, new LinkedHashMap<>());
    }

    public Problem with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    @JsonAnyGetter
    Map<String, Object> jsonExtensions() {
        return extensions;
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
