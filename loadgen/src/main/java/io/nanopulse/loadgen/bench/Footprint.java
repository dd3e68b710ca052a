package io.nanopulse.loadgen.bench;

import java.util.LinkedHashMap;

/**
 * Start-up and footprint: each service's milliseconds from launch to ready and the whole platform's start
 * ({@code startupMillis}, {@code platformStartSeconds}), taken when the platform has started; the peak RSS of
 * each service and of Kafka ({@code peakRssMiB}), taken after every other scenario.
 */
final class Footprint implements Scenario {
    /** Records the start-up figures; call right after the platform started, {@code seconds} after it began to. */
    void started(BenchRun run, double seconds) {
        var startup = new LinkedHashMap<String, Object>();
        run.platform().readyMillis().forEach(startup::put);
        run.put("startupMillis", startup);
        run.put("platformStartSeconds", seconds);
    }

    @Override
    public void run(BenchRun run) throws Exception {
        run.put("peakRssMiB", ProcessSampler.peakRss(run.platform()));
    }
}
