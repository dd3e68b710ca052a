package io.nanopulse.alerts.api;

import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.InvalidProofException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Only the gateway may call this service: every API request carries an {@link IdentityProof} of its method,
 * target and principal (401 otherwise, also for paths that do not exist). The proven principal owns what the
 * request reads and changes. Health and metrics answer on the management port, which this filter does not guard.
 */
public class PrincipalFilter {

    @Inject
    IdentityProof proof;
    @Inject
    Caller caller;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> identify(ContainerRequestContext request, HttpServerRequest http) {
        try {
            caller.owner(proof.verify(http.method().name(), http.uri(),
                    request.getHeaderString(IdentityProof.PRINCIPAL_HEADER), request.getHeaderString(IdentityProof.ROLES_HEADER),
                    request.getHeaderString(IdentityProof.PROOF_HEADER)).principal());
            return Optional.empty();
        } catch (InvalidProofException e) {
            return Optional.of(ProblemResponses.of(Problem.of(ProblemType.UNAUTHENTICATED, e.getMessage())));
        }
    }
}
