package io.nanopulse.gateway.api.auth;

import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.gateway.application.RateLimiter;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * 429 with Retry-After once a key has used up its bucket, or (for pages open to all) once a client address has
 * used up its budget for requests without a valid key; other anonymous requests are left to the role checks.
 */
public class RateLimitFilter {
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit() {
        if (!limiter.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(this::decide)
                .onFailure(ClientAddressLimitedException.class).recoverWithItem(e -> limited((ClientAddressLimitedException) e))
                .onFailure().recoverWithNull(); // a bad key is answered 401 by the security checks
    }

    public static Response limited(ClientAddressLimitedException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.RATE_LIMITED, e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    private Response decide(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Long keyId = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        if (keyId == null) {
            return null;
        }
        RateLimiter.Decision d = limiter.tryAcquire(keyId, identity.getRoles());
        if (d.allowed()) {
            return null;
        }
        return ProblemResponses.builder(Problem.of(ProblemType.RATE_LIMITED,
                        "this API key may make " + d.limit() + " requests per second; retry after " + d.retryAfterSeconds() + " s"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(d.retryAfterSeconds()))
                .build();
    }
}
