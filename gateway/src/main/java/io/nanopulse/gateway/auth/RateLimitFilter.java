package io.nanopulse.gateway.auth;

import io.nanopulse.gateway.rest.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** 429 with Retry-After once a key has used up its bucket; anonymous requests are left to the role checks. */
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
                .onFailure().recoverWithNull() // a bad key is answered 401 by the security checks
                .map(this::decide);
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
        return Problems.response(Problems.of(429, "rate-limited", "Too many requests",
                        "this API key may make " + d.limit() + " requests per second; retry after " + d.retryAfterSeconds() + " s"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(d.retryAfterSeconds()))
                .build();
    }
}
