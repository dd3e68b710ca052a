package io.nanopulse.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of metrics-service (prefix nanopulse.metrics). */
@ConfigMapping(prefix = "nanopulse.metrics")
public interface MetricsConfig {
    /** Largest number of subjects a ranking returns. */
    @WithDefault("100")
    int maxRankingLimit();

    /** Largest number of queries in one figures batch. */
    @WithDefault("1000")
    int maxBatchQueries();

    /**
     * Transactions a consumed batch is applied in at once, its events split by patent (one patent's events stay
     * in order in one part). Parts touch disjoint patents, so they never wait for each other's rows.
     */
    @WithDefault("2")
    int applyParallelism();

    /** Fewest events a part of a batch gets: smaller batches are applied whole (a part costs a commit). */
    @WithDefault("1000")
    int applyMinPartEvents();

    Outbox outbox();

    Counters counters();

    RankingCache rankingCache();

    interface RankingCache {
        /**
         * How long a ranking result is reused at most. Changes applied by this instance drop it at once;
         * this bounds how late changes applied by other instances show. 0 turns the cache off.
         */
        @WithDefault("2s")
        Duration ttl();

        /** Most rankings kept. */
        @WithDefault("10000")
        long maximumSize();
    }

    interface Counters {
        /** How often pending counter deltas are folded into the counters. */
        @WithDefault("1s")
        String foldInterval();

        /** Delta rows appended by this instance that start a fold before the interval is up. */
        @WithDefault("50000")
        long foldRows();
    }

    interface Outbox {
        /** Sent metric-changes rows are deleted after this age. */
        @WithDefault("PT24H")
        Duration retention();

        /** How often leftovers are relayed (each batch also relays at once). */
        @WithDefault("1s")
        String relayInterval();

        /** Rows sent per relay round. */
        @WithDefault("200")
        int batchSize();
    }
}
