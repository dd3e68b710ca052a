package io.nanopulse.loadgen;

import picocli.CommandLine.Option;

/** Which demo corpus: its seed and scale. */
final class CorpusOptions {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "The corpus's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1.0",
            description = "The corpus's size, 1.0 = 1.24 million events, at most 4 (default: ${DEFAULT-VALUE}).")
    double scale;

    void check() {
        Corpus.checkScale(scale, "--scale");
    }

    Corpus corpus() {
        check();
        return new Corpus(seed, scale);
    }
}
