package io.nanopulse.loadgen.bench;

/** One measurement of the benchmark: runs against the started platform and puts its figures in the results. */
interface Scenario {
    void run(BenchRun run) throws Exception;
}
