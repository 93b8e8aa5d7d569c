package org.bipm.platform.kernel.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bipm.platform.kernel.command.StreamMoved;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.eventstore.DatabaseErrors;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;
import org.bipm.platform.kernel.eventstore.WrongExpectedVersion;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception-to-problem mapping every service uses: each error leaves as
 * {@code application/problem+json} with a stable type; bad input is a 4xx, never a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response rejected(Rejection rejection, HttpServerRequest request) {
        int status = switch (rejection.kind()) {
            case CONFLICT -> 409;
            case INVALID -> 400;
            case NOT_FOUND -> 404;
        };
        String title = switch (rejection.kind()) {
            case CONFLICT -> "The command conflicts with the current state";
            case INVALID -> "The request is invalid";
            case NOT_FOUND -> "Not found";
        };
        return Problem.of(status, rejection.code(), title, rejection.getMessage()).at(request.path()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response streamMoved(StreamMoved moved, HttpServerRequest request) {
        return Problem.of(Response.Status.PRECONDITION_FAILED, "precondition-failed",
                        "The stream has changed since the version given in If-Match", moved.getMessage())
                .with("currentVersion", moved.actualVersion())
                .at(request.path()).toResponse().tag(Writes.etag(moved.actualVersion())).build();
    }

    @ServerExceptionMapper
    public Response concurrentWrites(WrongExpectedVersion conflict, HttpServerRequest request) {
        return Problem.of(Response.Status.CONFLICT, "concurrent-modification",
                        "The stream kept changing while the command was decided; retry", conflict.getMessage())
                .at(request.path()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException invalid, HttpServerRequest request) {
        List<Map<String, String>> violations = invalid.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message")).collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, "validation", "The request is invalid", detail)
                .with("violations", violations)
                .at(request.path()).toResponse().build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            DatabindException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class})
    public Response unreadableBody(JsonProcessingException unreadable, HttpServerRequest request) {
        String field = unreadable instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        String detail = switch (unreadable) {
            case UnrecognizedPropertyException unknown -> "unknown field '" + unknown.getPropertyName() + "'";
            case InvalidFormatException format -> "field '" + field + "' has an invalid value "
                    + format.getValue() + " (expected " + format.getTargetType().getSimpleName() + ")";
            case MismatchedInputException mismatch when !field.isEmpty() -> "field '" + field + "' has the wrong type or shape";
            case JsonParseException parse -> "malformed JSON: " + parse.getOriginalMessage();
            default -> field.isEmpty() ? "the body is not the JSON this endpoint expects: " + unreadable.getOriginalMessage()
                    : "field '" + field + "' is invalid: " + unreadable.getOriginalMessage();
        };
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "malformed-body", "The request body cannot be read", detail);
        if (!field.isEmpty()) {
            problem.with("field", field);
        }
        return problem.at(request.path()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException unauthorized, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException failed, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden, HttpServerRequest request) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", "The caller's role does not allow this",
                        forbidden.getMessage() == null || forbidden.getMessage().isBlank()
                                ? "a token with another role is needed" : forbidden.getMessage())
                .at(request.path()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException web, HttpServerRequest request) {
        if (web.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, request);
        }
        Response original = web.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(web, request);
        }
        String reason = original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder response = Problem.of(status, slug(reason), reason, web.getMessage())
                .at(request.path()).toResponse();
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unavailable(EventStoreFailure failure, HttpServerRequest request) {
        if (DatabaseErrors.badInput(failure)) {
            return unstorableInput(request);
        }
        LOG.warnf("database unavailable for %s %s: %s", request.method(), request.path(), rootCause(failure));
        return serviceUnavailable(request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        if (DatabaseErrors.badInput(failure)) {
            return unstorableInput(request);
        }
        if (causedBy(failure, SQLException.class) || causedBy(failure, EventStoreFailure.class)
                || DatabaseErrors.unavailable(failure)) {
            LOG.warnf("database unavailable for %s %s: %s", request.method(), request.path(), rootCause(failure));
            return serviceUnavailable(request);
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejection rejection) {
                return rejected(rejection, request);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure %s on %s %s", incident, request.method(), request.path());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal", "Unexpected failure",
                        "the failure was logged as incident " + incident)
                .with("incident", incident)
                .at(request.path()).toResponse().build();
    }

    private static Response unauthenticated(HttpServerRequest request) {
        return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "A valid bearer token is required",
                        "send 'Authorization: Bearer <token>' with a token of the platform's issuer")
                .at(request.path()).toResponse().header("WWW-Authenticate", "Bearer").build();
    }

    private static Response unstorableInput(HttpServerRequest request) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-characters", "The request is invalid",
                        "the request holds a value that cannot be stored, e.g. a NUL character")
                .at(request.path()).toResponse().build();
    }

    private static Response serviceUnavailable(HttpServerRequest request) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                        "the service's database cannot be reached; nothing was changed, retry later")
                .at(request.path()).toResponse().header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
