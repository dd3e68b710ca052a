package io.nanopulse.loadgen;

import io.nanopulse.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nanopulse demo}: the calibrated corpus into a running platform, every figure it changed checked. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Load the demo corpus and check every figure it changed (admin key).",
        description = {"Load the calibrated 25-year demo corpus through the gateway and check that every figure it touches "
                + "(global, each country, each calibrated holder, China per year) changed by exactly what the generator "
                + "recorded as accepted. Needs an admin key: it sets up the holders and their aliases (again, harmlessly, "
                + "on a platform that has them) and issues itself an ingest+read key. Data already on the platform is "
                + "read first and does not count; another writer at the same time does.",
                "Ends with a short table (--json: the full report). Exit 1 if a figure did not change as expected."})
final class DemoCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    GatewayOptions gateway;
    @Mixin
    CorpusOptions corpus;
    @Mixin
    SendOptions send;

    @Option(names = "--mode", paramLabel = "ndjson|json", defaultValue = "ndjson",
            description = "NDJSON streams or JSON arrays (default: ${DEFAULT-VALUE}).")
    Sender.Mode mode;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "How long to wait for the figures to show every accepted event (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the generator's record goes (demo-expected.json) (default: $NANOPULSE_DATA_DIR, else ./.run).")
    Path dataDir;

    @Option(names = "--json", description = "Print the full report as JSON instead of the table.")
    boolean json;

    DemoCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        send.check();
        if (mode == Sender.Mode.CSV) throw new IllegalArgumentException("--mode must be ndjson or json");
        if (timeout < 1) throw new IllegalArgumentException("--timeout must be at least 1 second");
        corpus.check();
        Path dir = dataDir != null ? dataDir : Path.of(cli.env().getOrDefault(Cli.DATA_DIR_ENV, ".run"));
        var settings = new Demo.Settings(corpus.seed, corpus.scale, mode, send.chunk, send.concurrency, send.rate, timeout);
        Map<String, Object> report = Demo.run(gateway.url(), gateway.key(), settings, dir.resolve("demo-expected.json"), cli.err(),
                cli.terminal());
        report.remove("expected");
        boolean exact = Boolean.TRUE.equals(report.get("exact"));
        boolean alreadyLoaded = Boolean.TRUE.equals(report.remove("alreadyLoaded"));
        boolean settled = Boolean.TRUE.equals(report.remove("settled"));
        cli.out().println(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) : Summary.demo(report));
        if (exact) return 0;
        @SuppressWarnings("unchecked")
        List<String> mismatches = (List<String>) report.get("mismatches");
        cli.err().printf("nanopulse demo: %s after %s s, %d counts did not change as expected%s%n",
                settled ? "every event is applied" : "gave up", report.get("appliedSecondsFromFirstRequest"), mismatches.size(),
                alreadyLoaded ? " (none changed at all: this corpus seems to be on the platform already; run the demo with another --seed)" : ":");
        mismatches.stream().limit(20).forEach(m -> cli.err().println("  " + m));
        if (mismatches.size() > 20) cli.err().println("  ... and " + (mismatches.size() - 20) + " more (--json lists them all)");
        return 1;
    }
}
