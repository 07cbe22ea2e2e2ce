package io.switchboard.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into application/problem+json; no stack trace ever reaches a response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(ProblemException.validation(errors).toProblem());
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = field.isEmpty()
                ? "The body is not valid JSON: " + e.getOriginalMessage()
                : "has the wrong type or format";
        return respond(ProblemException.validation(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field,
                message))).toProblem());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e) {
        return respond(ProblemException.unauthorized(
                "Send a valid bearer token from POST /api/v1/auth/token in the Authorization header").toProblem());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemException.forbidden("Your roles do not grant the permission this request needs").toProblem());
    }

    /** Two writers passed the version check at the same moment; the later commit loses. */
    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e) {
        return respond(new Problem("https://switchboard.dev/problems/version-conflict", "Someone else changed this", 409,
                "Another change was saved at the same moment; reload and apply your change again", List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(new Problem("about:blank", "Internal error", status, "The request could not be completed", List.of()));
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request error";
        return respond(new Problem("about:blank", title, status, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return respond(new Problem("about:blank", "Internal error", 500,
                "The request could not be completed; nothing was changed", List.of()));
    }

    public static Response respond(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(JSON.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "create.request.email" (method, parameter, property) → "email". */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            names.add(node.getName());
        }
        if (names.size() > 2) {
            return String.join(".", names.subList(2, names.size()));
        }
        return names.isEmpty() ? "body" : names.get(names.size() - 1);
    }
}
