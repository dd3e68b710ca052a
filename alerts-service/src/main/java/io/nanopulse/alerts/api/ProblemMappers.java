package io.nanopulse.alerts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nanopulse.alerts.application.NotificationHub;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemResponses;
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

    /** A stream asked for while the stream listener reconnects: 503 with Retry-After, so the client retries. */
    @ServerExceptionMapper(NotificationHub.NotListening.class)
    public Response notListening(NotificationHub.NotListening e) {
        return ProblemResponses.builder(Problem.unavailable("alerts", e.getMessage())).header("Retry-After", "2").build();
    }
}
