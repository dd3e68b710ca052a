package io.nanopulse.loadgen.bench;

import io.nanopulse.loadgen.LoadGen;

import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * The cold demo ({@code coldDemo}): on the just-started platform, the demo as {@code deploy/run.sh --demo} runs it
 * (the calibrated corpus of seed 42, NDJSON requests of 20,000 events, two in flight), from the first request
 * until every figure changed by what the generator recorded (exact), with the CPU each process spent meanwhile.
 */
final class ColdDemoGoal implements Scenario {
    static final long SEED = 42;

    @Override
    public void run(BenchRun run) throws Exception {
        log("cold demo: the demo corpus at scale %s on the just-started platform", run.scale());
        var processes = ProcessSampler.of(run.platform());
        Map<String, Double> cpuBefore = processes.cpuNow();
        var report = LoadGen.demoReport(run.platform().gatewayUrl(), run.platform().adminKey(), SEED, run.scale(),
                run.out().resolve("expected-cold-demo.json"), 900);
        report.remove("expected");
        report.put("cpu", processes.cpuSince(cpuBefore, ((Number) report.get("eventsAccepted")).longValue()));
        run.put("coldDemo", report);
        log("cold demo: %s", report);
    }
}
