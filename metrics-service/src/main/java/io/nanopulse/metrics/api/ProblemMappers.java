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

/** Every error leaves as application/problem+json (see {@link ProblemResponses#from}); never a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper({ProblemException.class, ConstraintViolationException.class, MismatchedInputException.class,
            JsonMappingException.class, JsonProcessingException.class, WebApplicationException.class, Exception.class})
    public Response problem(Exception e) {
        return ProblemResponses.from(e);
    }

    /** A value the contracts vocabulary refused where no request field was named for it. */
    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return ProblemResponses.of(Problem.of(ProblemType.INVALID_REQUEST,
                e.getMessage() == null ? "invalid request" : e.getMessage()));
    }
}
