package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.Json;
import io.nanopulse.testkit.platform.LocalPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * The whole-platform benchmark ({@code nanopulse bench [scale] [--cold]}, which deploy/bench/run.sh runs): starts the platform on a fresh data
 * folder under deploy/bench/out, runs each scenario against it in turn, stops it, and writes results.json and
 * results.html (a chart) and prints a table. The scenarios, in order:
 * {@link RawLimits}, {@link EndToEndReplay}, {@link MetricsQueries}, {@link MetricsDrain}, {@link AlertLatency},
 * {@link GatewayLatency}, {@link Footprint}.
 *
 * <p>System property {@code nanopulse.kafkaTools}: Kafka's tools (default loadgen/kafka-tools/target/libs).
 */
public final class Bench {
    private Bench() {
    }

    /** The benchmark of the repository at {@code repo} at a corpus scale, warm (after a warm-up) or cold. */
    public static void run(Path repo, double scale, boolean warm) throws Exception {
        Path root = repo.toAbsolutePath().normalize();
        Path out = root.resolve("deploy/bench/out");
        KafkaTools tools = KafkaTools.of(root);
        run(root, out, tools, scale, warm);
    }

    private static void run(Path root, Path out, KafkaTools tools, double scale, boolean warm) throws Exception {
        Path data = out.resolve("platform");
        deleteTree(data);
        String admin = "np_" + LocalPlatform.randomSecret(32);
        var base = LocalPlatform.Settings.forTests(root, data, admin);
        var settings = new LocalPlatform.Settings(root, data, true, base.postgresPort(), base.kafkaPort(), base.gatewayPort(),
                base.ingestPort(), base.metricsPort(), base.alertsPort(), admin,
                Map.of("alerts-service", Map.of("NANOPULSE_ALERTS_WEBHOOK_ALLOW_HOSTS", "127.0.0.1",
                        "NANOPULSE_ALERTS_DELIVERY_POLL_INTERVAL", "1s")));
        var platform = new LocalPlatform(settings);
        var run = new BenchRun(platform, out, tools, scale, warm);
        var footprint = new Footprint();
        List<Scenario> scenarios = List.of(new RawLimits(), new EndToEndReplay(),
                new MetricsQueries(), // on the replayed corpus, about the 1.1 million patents the query goal names
                new MetricsDrain(), new AlertLatency(), new GatewayLatency(), footprint);
        try {
            long t0 = System.currentTimeMillis();
            log("starting the platform (data in %s)", data);
            platform.start();
            run.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "java", System.getProperty("java.version"), "scale", scale));
            footprint.started(run, (System.currentTimeMillis() - t0) / 1000.0);
            for (Scenario scenario : scenarios) {
                scenario.run(run);
            }
        } finally {
            Files.writeString(out.resolve("results.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(run.results()));
            Files.writeString(out.resolve("results.html"), Chart.html(run.results()));
            platform.close();
        }
        System.out.println(Table.render(run.results()));
        log("results in %s and %s", out.resolve("results.json"), out.resolve("results.html"));
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
