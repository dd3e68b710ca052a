package io.nanopulse.gateway.domain;

import java.util.Map;
import java.util.Set;

/**
 * A token-bucket limit: sustained requests per second and how many may come at once after a quiet period.
 * The limit of a key is the most generous one configured for any of its roles, else the default one.
 */
public record RateLimit(long requestsPerSecond, long burst) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public static RateLimit forRoles(Set<String> roles, Map<String, RateLimit> byRole, RateLimit fallback) {
        RateLimit best = null;
        for (String role : roles) {
            RateLimit limit = byRole.get(role);
            if (limit != null && (best == null || limit.requestsPerSecond() > best.requestsPerSecond())) {
                best = limit;
            }
        }
        return best == null ? fallback : best;
    }

    /** The Retry-After of a refused request: whole seconds until the next token, at least 1. */
    public static long retryAfterSeconds(long nanosToWaitForRefill) {
        return Math.max(1, (nanosToWaitForRefill + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
