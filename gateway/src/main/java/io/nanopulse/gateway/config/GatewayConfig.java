package io.nanopulse.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything an operator may tune in the gateway (prefix nanopulse.gateway). */
@ConfigMapping(prefix = "nanopulse.gateway")
public interface GatewayConfig {

    /**
     * A key (np_ followed by at least 32 characters) stored as the first admin key at startup when no
     * active admin key exists. Only its hash is kept; remove it from the environment afterwards.
     */
    Optional<String> bootstrapAdminKey();

    /** Principal name of the bootstrap admin key. */
    @WithDefault("admin")
    String bootstrapAdminPrincipal();

    Auth auth();

    RateLimit rateLimit();

    Limits limits();

    Downstream downstream();

    Kafka kafka();

    ReadCache readCache();

    Streams streams();

    /**
     * A comment line is sent on every live stream this often, so that a quiet stream outlives the HTTP idle
     * timeout (quarkus.http.idle-timeout) and proxies in between.
     */
    @WithDefault("10s")
    Duration streamHeartbeat();

    interface Streams {
        /** Live streams one API key may hold open at once; one more is refused 429. */
        @WithDefault("4")
        int maxPerKey();

        /**
         * Live streams this instance holds open at once, below downstream.max-connections so that streams
         * cannot take every connection to alerts-service; one more is refused 429.
         */
        @WithDefault("48")
        int maxTotal();
    }

    interface ReadCache {
        /**
         * Successful figures, ranking and time-series answers are shared by every caller (the same query under
         * any key): one older than this is served while a background call refreshes it, and none older than
         * twice this is ever served. 0 turns the cache off.
         */
        @WithDefault("1s")
        Duration ttl();

        @WithDefault("10000")
        long maximumSize();
    }

    interface Auth {
        /** How long a key lookup (found or not) is cached: the bound for a revocation made on another instance. */
        @WithDefault("10s")
        Duration cacheTtl();

        @WithDefault("10000")
        int cacheSize();

        /**
         * How long a key found in no store is remembered, so that repeating it costs no database read. A key
         * created on another instance works here at the latest after this long.
         */
        @WithDefault("5s")
        Duration negativeCacheTtl();

        @WithDefault("10000")
        int negativeCacheSize();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** The limit of a key none of whose roles has its own. */
        @WithName("default")
        Bucket defaults();

        /** Per role (ingest, read, alerts, admin); a key with several roles gets the most generous. */
        Map<String, Bucket> roles();

        /**
         * Per client address, for requests without a valid key (none, malformed, unknown or revoked). While an
         * address's bucket is empty, its keys that are not cached are not looked up either.
         */
        Bucket anonymous();
    }

    interface Bucket {
        /** Sustained requests per second. */
        @WithDefault("50")
        long requestsPerSecond();

        /** Requests allowed at once after a quiet period. */
        @WithDefault("100")
        long burst();
    }

    interface Limits {
        /** Largest JSON body accepted for metrics, alerts and admin calls. */
        @WithDefault("1048576")
        long maxJsonBody();

        /** Longest request line (method, target, version) answered; a longer one is refused 414. */
        @WithDefault("8192")
        int maxRequestLine();

        /** Largest header block (names, values, separators) answered; a larger one is refused 431. */
        @WithDefault("16384")
        int maxHeaderSize();
    }

    interface Downstream {
        /** Connect timeout to a service. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Whole-call timeout for non-streaming calls (SmallRye Fault Tolerance Timeout). */
        @WithDefault("5s")
        Duration timeout();

        /** Retries of idempotent GETs after a connection failure or timeout. */
        @WithDefault("2")
        int retries();

        @WithDefault("100ms")
        Duration retryDelay();

        /** Calls in the rolling window of the circuit breaker. */
        @WithDefault("10")
        int breakerRequestVolume();

        @WithDefault("0.5")
        double breakerFailureRatio();

        /** How long an open breaker waits before it lets a trial call through (also the Retry-After of its 503s). */
        @WithDefault("5s")
        Duration breakerDelay();

        /** Connection pool size per service. */
        @WithDefault("64")
        int maxConnections();

        /** Idle timeout of a streamed upload or SSE stream (no bytes either way for this long ends it). */
        @WithDefault("60s")
        Duration streamIdleTimeout();
    }

    interface Kafka {
        /** Consumer groups whose lag the status reports. */
        @WithDefault("metrics-service,alerts-service")
        List<String> consumerGroups();

        @WithDefault("patent-events")
        String eventsTopic();

        @WithDefault("patent-events.dlq")
        String dlqTopic();

        /** Budget of each Kafka Admin question asked by the status endpoint. */
        @WithDefault("3s")
        Duration timeout();
    }
}
