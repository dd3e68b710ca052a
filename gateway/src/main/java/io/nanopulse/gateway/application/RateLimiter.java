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
 * limit of the key's roles (see {@link RateLimit}), and one per client address for requests without a valid
 * key. Buckets of idle keys and addresses are dropped.
 */
@ApplicationScoped
public class RateLimiter {
    /** The answer for one request: allowed, or the whole seconds to wait before the next token. */
    public record Decision(boolean allowed, long retryAfterSeconds, long limit) {
    }

    private final boolean enabled;
    private final RateLimit defaults;
    private final Map<String, RateLimit> byRole = new HashMap<>();
    private final RateLimit anonymous;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public RateLimiter(GatewayConfig config) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.defaults = limit(limits.defaults());
        limits.roles().forEach((role, bucket) -> byRole.put(role, limit(bucket)));
        this.anonymous = limit(limits.anonymous());
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

    /** Spends a token of a client address for a request without a valid key. */
    public Decision tryAcquireAnonymous(String address) {
        if (!enabled) {
            return new Decision(true, 0, 0);
        }
        ConsumptionProbe probe = addresses.get(address, a -> newBucket(anonymous)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0, 0);
        }
        return new Decision(false, RateLimit.retryAfterSeconds(probe.getNanosToWaitForRefill()), anonymous.requestsPerSecond());
    }

    /** Whether a client address may make a request without a valid key now; spends nothing. */
    public Decision peekAnonymous(String address) {
        Bucket bucket = enabled ? addresses.getIfPresent(address) : null;
        if (bucket == null) {
            return new Decision(true, 0, 0);
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        if (estimate.canBeConsumed()) {
            return new Decision(true, 0, 0);
        }
        return new Decision(false, RateLimit.retryAfterSeconds(estimate.getNanosToWaitForRefill()), anonymous.requestsPerSecond());
    }

    private static Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
