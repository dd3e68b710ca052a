package io.nanopulse.alerts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemResponses;
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
    public Response unexpected(RuntimeException e) {
        return e instanceof WebApplicationException w ? ProblemResponses.of(w) : ProblemResponses.unexpected(e);
    }
}
