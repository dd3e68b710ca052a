package io.nanopulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.nanopulse.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;

/**
 * One token bucket per API key (Bucket4j, kept in memory per gateway instance). The limit of a key is the
 * most generous configured for any of its roles, else the default one. Buckets of idle keys are dropped.
 */
@ApplicationScoped
public class RateLimiter {
    /** The answer for one request: allowed, or the whole seconds to wait before the next token. */
    public record Decision(boolean allowed, long retryAfterSeconds, long limit) {
    }

    private final GatewayConfig.RateLimit config;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision tryAcquire(long keyId, Set<String> roles) {
        Bucket bucket = buckets.get(keyId, id -> newBucket(limitFor(roles)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0, 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds, limitFor(roles).requestsPerSecond());
    }

    GatewayConfig.Bucket limitFor(Set<String> roles) {
        GatewayConfig.Bucket best = null;
        for (String role : roles) {
            GatewayConfig.Bucket b = config.roles().get(role);
            if (b != null && (best == null || b.requestsPerSecond() > best.requestsPerSecond())) {
                best = b;
            }
        }
        return best == null ? config.defaults() : best;
    }

    private static Bucket newBucket(GatewayConfig.Bucket limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
