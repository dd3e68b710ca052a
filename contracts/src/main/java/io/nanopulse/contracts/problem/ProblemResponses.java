package io.nanopulse.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.contracts.FieldError;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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

    /**
     * A body that is not JSON or of the wrong shape: names the JSON path at fault ({@code items[2].window}) and
     * the reason in plain words ({@link JsonFailure}).
     */
    public static Response of(JsonProcessingException e) {
        JsonFailure failure = JsonFailure.of(e);
        return of(Problem.invalid(failure.field(), failure.reason()));
    }

    /** An HTTP error raised by the framework (404 no such path, 405, 406, 415, 503 …), under its own status. */
    public static Response of(WebApplicationException e) {
        if (e.getResponse() == null) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException j && e.getResponse().getStatus() == 400) {
            return of(j); // a body the framework could not read: the field and reason
        }
        int status = e.getResponse().getStatus();
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return of(Problem.of(ProblemType.forStatus(status), status, title, title));
    }

    /**
     * Any failure a resource lets escape, as its problem answer: a {@link ProblemException} as it says, Bean
     * Validation and JSON binding failures as 400 naming the fields, framework HTTP errors under their status,
     * anything else as an unexpected 500. A service's mapper registers the types it wants mapped and calls this.
     */
    public static Response from(Throwable e) {
        if (e instanceof ProblemException p) {
            return of(p);
        }
        if (e instanceof ConstraintViolationException v) {
            return of(v);
        }
        if (e instanceof JsonProcessingException j) {
            return of(j);
        }
        if (e instanceof WebApplicationException w) {
            return of(w);
        }
        return unexpected(e);
    }

    /** 500 with an incident id; the failure is logged under that id, never sent. */
    public static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return of(Problem.of(ProblemType.INTERNAL, "unexpected failure; incident " + incident));
    }

    /**
     * A violation's JSON path: method and parameter nodes dropped, list elements by index
     * ("create.body.subject.kind" → "subject.kind", "create.body.roles[0].&lt;list element&gt;" → "roles[0]").
     */
    static String field(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                out.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
            } else if (node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
