package io.nanopulse.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuTimeTest {
    @Test
    void countsTheCpuAProcessTreeUses() throws Exception {
        // A child that spins for a while: its tree's CPU grows by about that much while it runs.
        Process child = new ProcessBuilder("sh", "-c", "end=$(($(date +%s) + 3)); while [ $(date +%s) -lt $end ]; do :; done")
                .start();
        double self = CpuTime.seconds(ProcessHandle.current().pid());
        double alone = CpuTime.ownSeconds(ProcessHandle.current().pid());
        child.waitFor(10, TimeUnit.SECONDS);
        assertTrue(self > 0, "this JVM has used CPU");
        assertEquals(0, CpuTime.seconds(Long.MAX_VALUE / 2), "a process that does not exist used none");
        double childSpent = CpuTime.seconds(ProcessHandle.current().pid()) - self;
        assertTrue(childSpent > 0.2, "a reaped child's CPU is counted: " + childSpent); // 2-3 s of spinning, on a busy machine too
        double aloneSpent = CpuTime.ownSeconds(ProcessHandle.current().pid()) - alone;
        assertTrue(aloneSpent < childSpent / 2, "the process alone leaves its children out: " + aloneSpent);
    }
}
