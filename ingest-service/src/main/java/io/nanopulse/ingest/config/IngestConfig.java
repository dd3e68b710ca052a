package io.nanopulse.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits and timeouts of the intake; every bound a client can push against is here. */
@ConfigMapping(prefix = "nanopulse.ingest")
public interface IngestConfig {

    /** Most events in one application/json request (object or array). */
    @WithDefault("10000")
    int maxBatch();

    /** Largest application/json body; NDJSON and CSV bodies are streamed and have no length limit. */
    @WithDefault("16M")
    MemorySize maxJsonBody();

    /** Longest NDJSON line or CSV record; a longer one is rejected as a whole and skipped. */
    @WithDefault("1M")
    MemorySize maxLineBytes();

    /** Events published and awaited together when streaming NDJSON or CSV (and per chunk of a JSON batch). */
    @WithDefault("5000")
    int ndjsonChunkSize();

    /** Events handed to Kafka but not yet acknowledged, over all requests; bounds the heap under load. */
    @WithDefault("20000")
    int maxInFlight();

    /** How long a chunk may wait for its Kafka acknowledgements (and for in-flight room) before 503. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Seconds announced in Retry-After when Kafka is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Item errors listed in a response; further ones are only counted ("errorsTruncated": true). */
    @WithDefault("1000")
    int maxErrors();

    /** Distinct eventIds remembered per request to drop exact repeats (older ones are forgotten first). */
    @WithDefault("100000")
    int dedupeWindow();

    /** The Kafka producer of patent-events (acks=all and idempotence are fixed: they are what "accepted" means). */
    Producer producer();

    interface Producer {
        /** How long the producer waits to fill a batch (linger.ms). */
        @WithDefault("10ms")
        Duration linger();

        /** Largest batch per partition (batch.size). */
        @WithDefault("256K")
        MemorySize batchSize();

        /**
         * none, lz4, zstd, snappy or gzip (compression.type). None by default: compressing spends the service's
         * CPU on every event, which pays only where the network, not the CPU, is the limit (then choose lz4).
         */
        @WithDefault("none")
        String compression();

        /** One produce request's wait for the broker (request.timeout.ms). */
        @WithDefault("5s")
        Duration requestTimeout();

        /**
         * Total time a record may take to be confirmed, retries included (delivery.timeout.ms): a dead broker
         * surfaces as a 503 within seconds rather than Kafka's 2-minute default. At least linger + request-timeout.
         */
        @WithDefault("10s")
        Duration deliveryTimeout();

        /** Longest a send may block waiting for topic metadata or buffer space (max.block.ms). */
        @WithDefault("5s")
        Duration maxBlock();

        /** Cap of the reconnection backoff, so sends resume within about this long of the broker's return. */
        @WithDefault("1s")
        Duration reconnectBackoffMax();
    }
}
