package io.nanopulse.loadgen.bench;

import io.nanopulse.loadgen.LoadGen;

import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * The whole corpus in one NDJSON request ({@code ndjsonCorpus}): on a just-started platform, the demo corpus of
 * seed 42 streamed through the gateway as a single POST, from its start until every figure changed by what the
 * generator recorded (exact), with the CPU each process spent meanwhile.
 */
final class NdjsonCorpusGoal implements Scenario {
    @Override
    public void run(BenchRun run) throws Exception {
        log("one NDJSON request: the demo corpus at scale %s as a single request", run.scale());
        var processes = ProcessSampler.of(run.platform());
        Map<String, Double> cpuBefore = processes.cpuNow();
        var report = LoadGen.oneRequestReport(run.platform().gatewayUrl(), run.platform().adminKey(), ColdDemoGoal.SEED, run.scale(), 900);
        report.put("cpu", processes.cpuSince(cpuBefore, ((Number) report.get("eventsAccepted")).longValue()));
        run.put("ndjsonCorpus", report);
        log("one NDJSON request: %s", report);
    }
}
