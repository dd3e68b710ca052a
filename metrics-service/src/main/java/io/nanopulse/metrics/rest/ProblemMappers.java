package io.nanopulse.metrics.rest;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.Problem;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.NoSuchElementException;

/** Every error leaves as application/problem+json; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        String msg = e.getMessage() == null ? "invalid request" : e.getMessage();
        int colon = msg.indexOf(':');
        String field = colon > 0 && msg.substring(0, colon).matches("[A-Za-z]+") ? msg.substring(0, colon) : null;
        return problem(Problem.invalid(msg, field == null ? null : List.of(new FieldError(field, msg.substring(colon + 1).strip()))));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList();
        return problem(Problem.invalid("request has invalid fields", errors));
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return problem(Problem.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return problem(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(Problem.of(status, title, status >= 500 ? title : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return problem(Problem.of(500, "Internal Server Error", "unexpected error; see the service log"));
    }
}
