package io.nanopulse.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessSamplerTest {
    // /proc/pid/stat of a process whose command name holds spaces and a parenthesis.
    private static final String STAT = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 123 0 0 0 "
            + "1500 250 40 2 20 0 31 0 9000 4000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17408 0 0 0 17 1 0 0 0 0 0";

    @Test
    void cpuTicksAreCountedAfterTheCommandName() {
        assertEquals(1500 + 250, ProcessSampler.cpuTicks(STAT, false), "utime + stime");
        assertEquals(1500 + 250 + 40 + 2, ProcessSampler.cpuTicks(STAT, true), "and the reaped children's");
    }

    @Test
    void peakRssIsVmHwmInMib() {
        assertEquals(512, ProcessSampler.peakRssMib(List.of("Name:\tjava", "VmPeak:\t 4000000 kB", "VmHWM:\t  524288 kB",
                "VmRSS:\t  400000 kB")));
        assertEquals(-1, ProcessSampler.peakRssMib(List.of("Name:\tkthreadd")), "a kernel thread reports none");
    }

    @Test
    void peakRssOfALiveProcess() throws Exception {
        assertTrue(ProcessSampler.peakRssMib(ProcessHandle.current().pid()) > 0, "this JVM has a resident set");
    }

    @Test
    void countsTheCpuAProcessTreeUses() throws Exception {
        // A child that spins for a while: its tree's CPU grows by about that much while it runs.
        Process child = new ProcessBuilder("sh", "-c", "end=$(($(date +%s) + 3)); while [ $(date +%s) -lt $end ]; do :; done")
                .start();
        long pid = ProcessHandle.current().pid();
        double self = ProcessSampler.treeCpuSeconds(pid);
        double alone = ProcessSampler.ownCpuSeconds(pid);
        child.waitFor(10, TimeUnit.SECONDS);
        assertTrue(self > 0, "this JVM has used CPU");
        assertEquals(0, ProcessSampler.treeCpuSeconds(Long.MAX_VALUE / 2), "a process that does not exist used none");
        double childSpent = ProcessSampler.treeCpuSeconds(pid) - self;
        assertTrue(childSpent > 0.2, "a reaped child's CPU is counted: " + childSpent); // seconds of spinning, on a busy machine too
        double aloneSpent = ProcessSampler.ownCpuSeconds(pid) - alone;
        assertTrue(aloneSpent < childSpent / 2, "the process alone leaves its children out: " + aloneSpent);
    }

    @Test
    void samplesNameEachProcessAndCountTheLoadGeneratorAlone() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "end=$(($(date +%s) + 3)); while [ $(date +%s) -lt $end ]; do :; done")
                .start();
        long pid = ProcessHandle.current().pid();
        var sampler = new ProcessSampler(Map.of(ProcessSampler.LOADGEN, pid));
        double treeBefore = ProcessSampler.treeCpuSeconds(pid);
        var before = sampler.cpuNow();
        child.waitFor(10, TimeUnit.SECONDS);
        var since = sampler.cpuSince(before, 1_000_000);
        double treeSpent = ProcessSampler.treeCpuSeconds(pid) - treeBefore;
        @SuppressWarnings("unchecked")
        var loadgen = (Map<String, Object>) since.get(ProcessSampler.LOADGEN);
        // The tree (this JVM and its reaped child) spent the child's spinning on top of whatever this JVM did
        // meanwhile (GC, JIT: not zero on a busy machine); the load generator's figure leaves the child out.
        double own = (double) loadgen.get("seconds");
        assertTrue(treeSpent - own > 0.5, "the load generator's children are not its own CPU: " + loadgen
                + ", the tree spent " + treeSpent + " s");
        assertEquals(List.of("seconds", "microsPerEvent"), List.copyOf(loadgen.keySet()));
    }
}
