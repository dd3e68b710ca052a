package io.nanopulse.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.nanopulse.contracts.FieldError;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The one base of every service's exception mappers: turns the failures all APIs share into problem+json
 * responses. A service's mappers delegate here and add only what is its own. Never a stack trace: an
 * unexpected failure is logged under an incident id that the answer names.
 */
public final class ProblemResponses {
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    /** The response for {@code problem}; the media type is set here so it never depends on negotiation. */
    public static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("X-Content-Type-Options", "nosniff")
                .entity(problem);
    }

    public static Response of(Problem problem) {
        return builder(problem).build();
    }

    public static Response of(ProblemException e) {
        return of(e.problem());
    }

    /** Bean Validation failures: each violated field by its JSON path ({@code subject.kind}), sorted. */
    public static Response of(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return of(Problem.invalid(errors));
    }

    /** A body of the wrong shape: names the JSON path that did not bind ({@code items[2].window}). */
    public static Response of(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return of(Problem.invalid(field.isEmpty() ? "body" : field, "has the wrong type or format"));
    }

    public static Response of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            return of(m);
        }
        return of(Problem.invalid("body", "is not valid JSON"));
    }

    /** An HTTP error raised by the framework (404 no such path, 405, 406, 415 …), under its own status. */
    public static Response of(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return of(Problem.of(ProblemType.forStatus(status), status, title, title));
    }

    /** 500 with an incident id; the failure is logged under that id, never sent. */
    public static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return of(Problem.of(ProblemType.INTERNAL, "unexpected failure; incident " + incident));
    }

    /** "create.body.subject.kind" → "subject.kind": drops the method and parameter nodes. */
    static String field(Path path) {
        List<String> nodes = StreamSupport.stream(path.spliterator(), false).map(Path.Node::getName)
                .filter(n -> n != null && !n.isEmpty()).toList();
        if (nodes.size() > 2) {
            return String.join(".", nodes.subList(2, nodes.size()));
        }
        return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1);
    }
}
