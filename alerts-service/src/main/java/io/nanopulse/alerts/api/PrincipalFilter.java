package io.nanopulse.alerts.api;

import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * The gateway authenticates API keys and passes the principal in {@value #HEADER}; this service only
 * listens on 127.0.0.1 (or a private network) behind it. No header, no answer.
 */
public class PrincipalFilter {
    public static final String HEADER = "X-Nanopulse-Principal";

    @Inject
    Caller caller;

    @ServerRequestFilter
    public Optional<Response> identify(ContainerRequestContext request) {
        String principal = request.getHeaderString(HEADER);
        if (principal == null || principal.isBlank()) {
            return Optional.of(unauthorized("missing " + HEADER + " header"));
        }
        String p = principal.trim();
        if (p.length() > 200 || p.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(unauthorized(HEADER + " must be 1..200 printable characters"));
        }
        caller.owner(p);
        return Optional.empty();
    }

    private static Response unauthorized(String detail) {
        return ProblemResponses.of(Problem.of(ProblemType.UNAUTHENTICATED, detail));
    }
}
