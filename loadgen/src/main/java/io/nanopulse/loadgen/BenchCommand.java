package io.nanopulse.loadgen;

import io.nanopulse.loadgen.bench.Bench;
import io.nanopulse.loadgen.bench.Goals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nanopulse bench}: the whole-platform benchmark ({@link Bench}); deploy/bench/run.sh builds and runs it. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Run the whole-platform benchmark (Linux; from the repository).",
        description = {"Run the whole-platform benchmark: starts its own platform from the repository's build on a fresh "
                + "data folder (deploy/bench/out/platform), measures, stops it, and writes deploy/bench/out/results.json, "
                + "results.html and a table. Needs the repository built (deploy/bench/run.sh does both) and hey on the PATH.",
                "--goals measures issue #23's goals instead (start-up, memory after the cold demo, alert latency, the cold demo "
                + "and the whole corpus as one NDJSON request beside Kafka's ProducerPerformance), each run on fresh platforms, "
                + "and writes deploy/bench/out/goals.json, goals.html and one table of every goal, its target and each run's figure."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCALE", arity = "0..1", defaultValue = "1.0",
            description = "The demo corpus's scale for the replay (default: ${DEFAULT-VALUE}: 1.24 million events).")
    double scale;

    @Option(names = "--cold", description = "Replay on the just-started platform, without the warm-up.")
    boolean cold;

    @Option(names = "--goals", description = "Measure issue #23's goals (see above) instead of the full benchmark.")
    boolean goals;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "With --goals: how many runs, each on fresh platforms (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--root", paramLabel = "DIR", description = "The repository (default: the working folder).")
    Path root;

    @Override
    public Integer call() throws Exception {
        Corpus.checkScale(scale, "SCALE");
        Path repo = root != null ? root : Path.of(".");
        if (goals) {
            if (runs < 1 || runs > 20) throw new IllegalArgumentException("--runs must be between 1 and 20, not " + runs);
            if (cold) throw new IllegalArgumentException("--cold is for the full benchmark; the goals' demo is always cold");
            Goals.run(repo, runs, scale);
        } else {
            Bench.run(repo, scale, !cold);
        }
        return 0;
    }
}
