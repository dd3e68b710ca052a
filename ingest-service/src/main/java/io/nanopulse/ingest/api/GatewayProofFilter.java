package io.nanopulse.ingest.api;

import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.InvalidProofException;
import io.nanopulse.contracts.trust.RequiresRole;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Only the gateway may call this service: every API request carries an {@link IdentityProof} of its method,
 * target and identity (401 otherwise, also for paths that do not exist); a resource marked
 * {@link RequiresRole} needs that role among the proven ones (403). Health and metrics answer on the management
 * port, which this filter does not guard.
 */
public class GatewayProofFilter {
    private static final String IDENTITY = ForwardedIdentity.class.getName();

    @Inject
    IdentityProof proof;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> prove(ContainerRequestContext request, HttpServerRequest http) {
        try {
            request.setProperty(IDENTITY, proof.verify(http.method().name(), http.uri(),
                    request.getHeaderString(IdentityProof.PRINCIPAL_HEADER), request.getHeaderString(IdentityProof.ROLES_HEADER),
                    request.getHeaderString(IdentityProof.PROOF_HEADER)));
            return Optional.empty();
        } catch (InvalidProofException e) {
            return Optional.of(ProblemResponses.of(Problem.of(ProblemType.UNAUTHENTICATED, e.getMessage())));
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Optional<Response> authorize(ContainerRequestContext request, ResourceInfo resource) {
        RequiresRole required = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RequiresRole.class);
        if (required == null && resource.getResourceClass() != null) {
            required = resource.getResourceClass().getAnnotation(RequiresRole.class);
        }
        if (required == null || request.getProperty(IDENTITY) instanceof ForwardedIdentity identity && identity.hasRole(required.value())) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(Problem.of(ProblemType.FORBIDDEN, "needs the role " + required.value())));
    }
}
