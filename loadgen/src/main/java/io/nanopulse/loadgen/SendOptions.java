package io.nanopulse.loadgen;

import picocli.CommandLine.Option;

/** How events go out: events per request, requests in flight, the pace. 429 and 503 answers are retried after Retry-After. */
final class SendOptions {
    @Option(names = "--chunk", paramLabel = "N", defaultValue = "20000",
            description = "Events per request (JSON at most 10,000) (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S", defaultValue = "0",
            description = "Events per second, 0 = as fast as the platform takes them (default: ${DEFAULT-VALUE}).")
    double rate;

    void check() {
        if (chunk < 1 || chunk > 1_000_000) throw new IllegalArgumentException("--chunk must be 1 to 1,000,000, not " + chunk);
        if (concurrency < 1 || concurrency > 64) throw new IllegalArgumentException("--concurrency must be 1 to 64, not " + concurrency);
        if (!(rate >= 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("--rate must be 0 or more, not " + rate);
    }
}
