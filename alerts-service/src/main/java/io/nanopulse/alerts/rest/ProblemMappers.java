package io.nanopulse.alerts.rest;

import io.nanopulse.contracts.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nanopulse.contracts.FieldError;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Every error leaves as application/problem+json; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response response(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return response(ProblemException.invalid(errors).problem());
    }

    /** "create.body.subject.kind" → "subject.kind": drop the method and parameter nodes. */
    private static String field(Path path) {
        List<String> nodes = StreamSupport.stream(path.spliterator(), false).map(Path.Node::getName)
                .filter(n -> n != null && !n.isEmpty()).toList();
        if (nodes.size() > 2) {
            return String.join(".", nodes.subList(2, nodes.size()));
        }
        return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1);
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class})
    public Response mapping(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return response(ProblemException.invalid(field.isEmpty() ? "body" : field,
                "has the wrong type or format").problem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return response(ProblemException.invalid("body", "is not valid JSON").problem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return response(new Problem("about:blank", title, status, title, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return web(w);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return response(new Problem("about:blank", "Internal Server Error", 500, "incident " + incident, null, null));
    }
}
