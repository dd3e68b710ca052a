package io.nanopulse.metrics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json (see {@link ProblemResponses}); never a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e);
    }

    /** A value the contracts vocabulary refused where no request field was named for it. */
    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return ProblemResponses.of(Problem.of(ProblemType.INVALID_REQUEST, e.getMessage() == null ? "invalid request" : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class})
    public Response mapping(JsonMappingException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return ProblemResponses.unexpected(e);
    }
}
