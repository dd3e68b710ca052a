package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.Json;
import io.nanopulse.loadgen.bench.trace.SpanCollector;
import io.nanopulse.testkit.platform.LocalPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Issue #23's goals, measured ({@code nanopulse bench --goals [--runs N]}, which {@code deploy/bench/run.sh --goals}
 * runs). First one start and clean stop of the platform, so that the class-data archives a build made stale are
 * recorded (its time reported apart in run 1); then each run, on fresh data folders under deploy/bench/out/goals-platform:
 * <ol>
 *   <li>a platform whose services export trace spans to the bench: {@link StartupGoal}, {@link ColdDemoGoal},
 *       {@link ResidentMemory} right after it, {@link CaughtUp} (the demo's backlog worked off), {@link AlertLatency}
 *       (1,000 samples at 1,000 events/s after 200 warm-up samples reported apart); stopped;</li>
 *   <li>another platform: {@link NdjsonCorpusGoal}, {@link ServicesAlone}, {@link RawLimits} (Kafka's
 *       ProducerPerformance, the ratios' denominator); stopped.</li>
 * </ol>
 * Writes deploy/bench/out/goals.json (after every run) and goals.html, and prints {@link GoalTable}. A step that
 * fails leaves its figures out (n/a, not met) and the run goes on.
 */
public final class Goals {
    static final int ALERT_SAMPLES = 1000;
    /** Alerts sent before the measured ones, reported apart: the first alerts of a started service. */
    static final int ALERT_WARM_UP = 200;
    static final int BACKGROUND_EVENTS_PER_SECOND = 1000;

    private Goals() {
    }

    /** {@code runs} runs of the goals on the repository at {@code repo}, the demo corpus at {@code scale}. */
    public static void run(Path repo, int runs, double scale) throws Exception {
        Path root = repo.toAbsolutePath().normalize();
        Path out = root.resolve("deploy/bench/out");
        KafkaTools tools = KafkaTools.of(root);
        Files.createDirectories(out);
        var header = new LinkedHashMap<String, Object>();
        header.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        header.put("machine", machine());
        header.put("commit", commit(root));
        header.put("scale", scale);
        var results = new ArrayList<Map<String, Object>>();
        Map<String, Object> primed = prime(root, out);
        for (int i = 1; i <= runs; i++) {
            log("goals: run %d of %d", i, runs);
            var run = once(root, out, tools, scale, i);
            if (i == 1) {
                run.putAll(primed);
            }
            results.add(run);
            write(out, header, results);
        }
        System.out.println(GoalTable.render(results, heading(header, runs)));
        log("goals in %s and %s", out.resolve("goals.json"), out.resolve("goals.html"));
    }

    /**
     * A build gives every service a new class-data archive key: one start and clean stop before the timed runs
     * records the archives, so that every timed run starts with them. That start's time is reported apart
     * ({@code firstStartAfterBuildSeconds}, {@code null} when it failed).
     */
    private static Map<String, Object> prime(Path root, Path out) throws IOException {
        Path data = out.resolve("goals-platform");
        Bench.deleteTree(data);
        var figures = new LinkedHashMap<String, Object>();
        figures.put("firstStartAfterBuildSeconds", null);
        var platform = new LocalPlatform(settings(root, data, Map.of()));
        try {
            log("goals: first start after a build (records the class-data archives)");
            long t0 = System.currentTimeMillis();
            platform.start();
            figures.put("firstStartAfterBuildSeconds", StartupGoal.seconds(System.currentTimeMillis() - t0));
        } catch (RuntimeException e) {
            log("goals: first start failed: %s", e);
        } finally {
            platform.close();
        }
        Bench.deleteTree(data);
        return figures;
    }

    private static Map<String, Object> once(Path root, Path out, KafkaTools tools, double scale, int number) throws Exception {
        var results = new LinkedHashMap<String, Object>();
        results.put("run", number);
        var failures = new ArrayList<String>();
        Path data = out.resolve("goals-platform");
        Bench.deleteTree(data);
        try (var spans = SpanCollector.start()) {
            var traced = new LocalPlatform(settings(root, data, spans.serviceEnv()));
            var first = new BenchRun(traced, out, tools, scale, false, spans);
            try {
                step(failures, "start-up", () -> StartupGoal.start(first));
                if (failures.isEmpty()) {
                    step(failures, "cold demo", () -> new ColdDemoGoal().run(first));
                    BenchRun.quiet();
                    step(failures, "memory", () -> new ResidentMemory().run(first));
                    step(failures, "backlogs", () -> new CaughtUp().run(first));
                    step(failures, "alert latency", () -> new AlertLatency(ALERT_SAMPLES, ALERT_WARM_UP, BACKGROUND_EVENTS_PER_SECOND)
                            .withSpans(first.spans()).run(first));
                }
            } finally {
                traced.close();
                results.putAll(first.results());
            }
        }
        Bench.deleteTree(data);
        var plain = new LocalPlatform(settings(root, data, Map.of()));
        var second = new BenchRun(plain, out, tools, scale, false);
        try {
            long t0 = System.currentTimeMillis();
            step(failures, "second start-up", () -> {
                plain.start();
                second.put("secondStartSeconds", StartupGoal.seconds(System.currentTimeMillis() - t0));
            });
            if (second.results().containsKey("secondStartSeconds")) {
                step(failures, "one NDJSON request", () -> new NdjsonCorpusGoal().run(second));
                step(failures, "services alone", () -> new ServicesAlone().run(second));
                step(failures, "raw limits", () -> new RawLimits().run(second));
            }
        } finally {
            plain.close();
            results.putAll(second.results());
        }
        Object producer = GoalTable.at(results, "raw", "kafkaProducerRecordsPerSecond");
        for (String key : List.of("coldDemo", "ndjsonCorpus")) {
            if (results.get(key) instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") var report = (Map<String, Object>) m;
                report.put("ratioToRawKafkaProducer", GoalTable.ratio(report.get("endToEndEventsPerSecond"), producer));
            }
        }
        results.put("failures", failures);
        return results;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(List<String> failures, String name, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            log("goals: %s failed: %s", name, e);
            failures.add(name + ": " + e.getMessage());
        }
    }

    /** The platform's settings: fresh ports, durable as deploy/run.sh's, webhooks to loopback allowed, {@code env} for every service. */
    private static LocalPlatform.Settings settings(Path root, Path data, Map<String, String> env) {
        String admin = "np_" + LocalPlatform.randomSecret(32);
        var base = LocalPlatform.Settings.forTests(root, data, admin);
        var extra = new HashMap<String, Map<String, String>>();
        for (String service : LocalPlatform.ALL_SERVICES) extra.put(service, new HashMap<>(env));
        extra.get("alerts-service").put("NANOPULSE_ALERTS_WEBHOOK_ALLOW_HOSTS", "127.0.0.1");
        return new LocalPlatform.Settings(root, data, true, base.postgresPort(), base.kafkaPort(), base.gatewayPort(),
                base.ingestPort(), base.metricsPort(), base.alertsPort(), admin, Map.copyOf(extra));
    }

    private static void write(Path out, Map<String, Object> header, List<Map<String, Object>> runs) throws IOException {
        var doc = new LinkedHashMap<>(header);
        doc.put("goals", GoalTable.rows(runs));
        doc.put("runs", runs);
        Files.writeString(out.resolve("goals.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        Files.writeString(out.resolve("goals.html"), "<!doctype html><html><head><meta charset=utf-8><title>Nanopulse goals</title>"
                + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}</style></head><body>"
                + "<h1>Nanopulse goals (issue #23)</h1><pre>" + escape(GoalTable.render(runs, heading(header, runs.size())))
                + "</pre><h2>All figures</h2><pre>" + escape(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc))
                + "</pre></body></html>\n");
    }

    private static String heading(Map<String, Object> header, int runs) {
        var m = (Map<?, ?>) header.get("machine");
        return String.format("Nanopulse goals (issue #23): %d run%s at corpus scale %s, %s, commit %s%n%s cores (%s), memory %s, Java %s",
                runs, runs == 1 ? "" : "s", header.get("scale"), header.get("date"), header.get("commit"), m.get("cores"), m.get("cpu"),
                m.get("memory"), m.get("java"));
    }

    /** Cores, CPU model, memory and Java of this machine. */
    private static Map<String, Object> machine() {
        var m = new LinkedHashMap<String, Object>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    private static String firstValue(Path file, String field) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(field)).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The checked-out commit, "+changes" when the tree differs from it; "unknown" without git. */
    private static String commit(Path root) {
        try {
            String head = git(root, "rev-parse", "--short=12", "HEAD").strip();
            return git(root, "status", "--porcelain", "--untracked-files=no").isBlank() ? head : head + "+changes";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String git(Path root, String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(output);
        return output;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
