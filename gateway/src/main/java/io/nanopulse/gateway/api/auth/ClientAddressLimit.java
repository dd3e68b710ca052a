package io.nanopulse.gateway.api.auth;

import io.nanopulse.gateway.application.RateLimiter;
import io.nanopulse.gateway.domain.ClientNetwork;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The limit on requests without a valid key (none, malformed, unknown or revoked), per client address (an
 * IPv6 client by its /64, {@link ClientNetwork}): the TCP peer, or the address a trusted proxy reports when
 * quarkus.http.proxy.* says so. Each such request spends a token; while an address has none left, it is
 * answered 429 and its keys that are not cached are not looked up, so a flood of made-up keys costs the key
 * store at most the bucket's rate.
 */
@ApplicationScoped
public class ClientAddressLimit {
    private final RateLimiter limiter;

    public ClientAddressLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static String address(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        return host == null ? "unknown" : ClientNetwork.of(host);
    }

    /** A request without a key: null when admitted, else the 429 to fail with. */
    ClientAddressLimitedException admit(String address) {
        RateLimiter.Decision d = limiter.tryAcquireAnonymous(address);
        return d.allowed() ? null : new ClientAddressLimitedException(d.retryAfterSeconds(), d.limit());
    }

    /** A request whose key is refused: the 401 to fail with, or the 429 once the address has no tokens left. */
    RuntimeException refuse(String address, RuntimeException unauthenticated) {
        ClientAddressLimitedException limited = admit(address);
        return limited == null ? unauthenticated : limited;
    }

    /** Before a key is looked up in the store: null when the address may, else the 429 to fail with. */
    ClientAddressLimitedException beforeLookup(String address) {
        RateLimiter.Decision d = limiter.peekAnonymous(address);
        return d.allowed() ? null : new ClientAddressLimitedException(d.retryAfterSeconds(), d.limit());
    }
}
