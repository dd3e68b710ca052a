package io.nanopulse.alerts.api;

import io.nanopulse.contracts.api.QueryString;
import io.nanopulse.contracts.api.Text;
import io.nanopulse.contracts.problem.ProblemResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses (400, naming it) a query parameter that is not percent-encoded UTF-8, or a query or path parameter
 * holding control characters, before any resource runs.
 */
public class ParameterTextFilter {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        return QueryString.decode(uri.getRequestUri().getRawQuery()).refusal()
                .or(() -> Text.parameterProblem(uri.getQueryParameters()))
                .or(() -> Text.parameterProblem(uri.getPathParameters()))
                .map(ProblemResponses::of);
    }
}
