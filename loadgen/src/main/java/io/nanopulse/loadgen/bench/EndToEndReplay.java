package io.nanopulse.loadgen.bench;

import io.nanopulse.loadgen.LoadGen;

import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * The end-to-end replay of the demo corpus ({@code replay}): from the first request through the gateway until
 * the metrics API shows every event applied, verified exact, with the CPU each process spent on it. On a
 * platform warmed up by a tenth-size corpus of another seed (taking the same path and verified like the
 * replay), or cold, just started ({@code --cold}).
 */
final class EndToEndReplay implements Scenario {
    /** The warm-up corpus: another seed (no patent in common with the demo's), a tenth of its size. */
    static final long WARM_UP_SEED = 7;

    @Override
    public void run(BenchRun run) throws Exception {
        var platform = run.platform();
        Map<String, Object> warmUp = null;
        if (run.warm()) {
            // A JVM benchmark measures warm code: right after start-up the services' JIT compilers take a good
            // share of the CPU.
            log("warm-up: the corpus of seed %d at scale %s through the same API (not timed as the replay)", WARM_UP_SEED, run.scale() / 10);
            warmUp = LoadGen.demoReport(platform.gatewayUrl(), platform.adminKey(), WARM_UP_SEED, run.scale() / 10,
                    run.out().resolve("expected-warm-up.json"), 1800);
            warmUp.remove("expected");
            log("warm-up: %s", warmUp);
            if (!Boolean.TRUE.equals(warmUp.get("exact"))) throw new IllegalStateException("the warm-up did not end exact");
        }
        log("end-to-end replay of the demo corpus at scale %s (%s platform)", run.scale(), run.warm() ? "warm" : "cold: just started");
        var processes = ProcessSampler.of(platform);
        Map<String, Double> cpuBefore = processes.cpuNow();
        // Verified as what changed: the warm-up's figures, there before, cancel out.
        var report = LoadGen.demoReport(platform.gatewayUrl(), platform.adminKey(), 42, run.scale(), run.out().resolve("expected.json"), 1800);
        report.remove("expected");
        report.put("platform", run.warm() ? "warm" : "cold");
        if (warmUp != null) report.put("warmUp", warmUp);
        // Where the replay's CPU went (two cores give 2 s per second).
        report.put("cpu", processes.cpuSince(cpuBefore, ((Number) report.get("eventsAccepted")).longValue()));
        run.put("replay", report);
        if (run.figure("raw", "kafkaProducerRecordsPerSecond") instanceof Double r && report.get("endToEndEventsPerSecond") instanceof Long e2e) {
            report.put("ratioToRawKafkaProducer", Math.round(e2e / r * 1000) / 1000.0);
        }
        log("replay: %s", report);
    }
}
