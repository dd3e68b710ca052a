package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.BodyMediaType;
import io.nanopulse.contracts.problem.ProblemResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * A body without a Content-Type, or with a charset other than UTF-8, is refused (415; {@link BodyMediaType}) before
 * anything is read or forwarded; the connection is closed rather than the body read.
 */
public class BodyMediaTypeFilter {

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> check(ContainerRequestContext request) {
        return BodyMediaType.problem(request.getMethod(), request.getHeaderString(HttpHeaders.CONTENT_TYPE),
                        request.getHeaderString(HttpHeaders.CONTENT_LENGTH), request.getHeaderString("Transfer-Encoding"))
                .map(problem -> ProblemResponses.builder(problem).header("Connection", "close").build());
    }
}
