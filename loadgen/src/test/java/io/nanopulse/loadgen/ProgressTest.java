package io.nanopulse.loadgen;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bar redrawn with carriage returns on a terminal; plain lines anywhere else. */
class ProgressTest {
    private static String shown(boolean terminal, long total) {
        var out = new ByteArrayOutputStream();
        var progress = new Progress(total, new PrintStream(out, true, StandardCharsets.UTF_8), terminal);
        progress.add(500);
        progress.add(500);
        progress.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsLinesWithoutCarriageReturns() {
        for (long total : new long[]{1000, 0}) {
            String log = shown(false, total);
            assertFalse(log.contains("\r"), log);
            assertTrue(log.startsWith("sent 1,000 ") && log.endsWith("\n"), log);
        }
    }

    @Test
    void aTerminalGetsABar() {
        String bar = shown(true, 1000);
        assertTrue(bar.startsWith("\r[") && bar.contains("100%") && bar.endsWith("\n"), bar);
    }
}
