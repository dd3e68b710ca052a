package io.nanopulse.gateway.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One token bucket per API key (Bucket4j, kept in memory per gateway instance), sized by the most generous
 * limit of the key's roles (see {@link RateLimit}). Buckets of idle keys are dropped.
 */
@ApplicationScoped
public class RateLimiter {
    /** The answer for one request: allowed, or the whole seconds to wait before the next token. */
    public record Decision(boolean allowed, long retryAfterSeconds, long limit) {
    }

    private final boolean enabled;
    private final RateLimit defaults;
    private final Map<String, RateLimit> byRole = new HashMap<>();
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public RateLimiter(GatewayConfig config) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.defaults = limit(limits.defaults());
        limits.roles().forEach((role, bucket) -> byRole.put(role, limit(bucket)));
    }

    private static RateLimit limit(GatewayConfig.Bucket bucket) {
        return new RateLimit(bucket.requestsPerSecond(), bucket.burst());
    }

    public boolean enabled() {
        return enabled;
    }

    public Decision tryAcquire(long keyId, Set<String> roles) {
        RateLimit limit = RateLimit.forRoles(roles, byRole, defaults);
        Bucket bucket = buckets.get(keyId, id -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0, 0);
        }
        return new Decision(false, RateLimit.retryAfterSeconds(probe.getNanosToWaitForRefill()), limit.requestsPerSecond());
    }

    private static Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
