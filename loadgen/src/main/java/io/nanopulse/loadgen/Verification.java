package io.nanopulse.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Waits until the platform's figures changed by what the generator recorded ({@link Changes}), reporting on
 * {@code log} every few seconds how much of the expected change shows. Gives up with what still differs after
 * the timeout, or sooner once metrics-service has applied every event on the topic (no consumer lag, seen on
 * two reports in a row) and the figures stay as they are. A 503 while waiting (a busy platform) means: look again.
 */
final class Verification {
    private static final long POLL_MILLIS = 500;

    /**
     * Seconds from {@code startedAt} until every figure matched (or until giving up), what did not match, and
     * whether everything was applied when it gave up ({@code settled}: waiting longer would change nothing).
     */
    record Result(double appliedSeconds, List<Changes.Mismatch> mismatches, boolean settled) {
        boolean exact() {
            return mismatches.isEmpty();
        }
    }

    private Verification() {
    }

    /**
     * @param startedAt the {@code System.nanoTime()} of the first request, in seconds
     */
    static Result await(Gateway gateway, Map<FigureKey, Truth.Counts> before, Map<FigureKey, Truth.Counts> expected,
                        long timeoutSeconds, double startedAt, PrintStream log) throws Exception {
        List<FigureKey> figures = new ArrayList<>(expected.keySet());
        Truth.Counts global = expected.get(FigureKey.GLOBAL);
        long wanted = global.filings() + global.licensed() + global.grants();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long nextLog = System.nanoTime() + Progress.LINE_EVERY_NANOS;
        List<Changes.Mismatch> whenApplied = null; // what differed at the last report without consumer lag
        while (true) {
            Map<FigureKey, Truth.Counts> now;
            try {
                now = Changes.read(gateway, figures);
            } catch (Gateway.Unavailable e) {
                // A platform busy applying may answer 503 for a moment: look again, until the timeout.
                if (System.nanoTime() >= deadline) throw e;
                log.printf("the platform cannot answer now (%s); asking again%n", e.getMessage());
                log.flush();
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            List<Changes.Mismatch> mismatches = Changes.mismatches(before, now, expected);
            double seconds = System.nanoTime() / 1e9 - startedAt;
            if (mismatches.isEmpty() || System.nanoTime() >= deadline) {
                return new Result(Math.round(seconds * 100) / 100.0, mismatches, false);
            }
            if (System.nanoTime() >= nextLog) {
                nextLog = System.nanoTime() + Progress.LINE_EVERY_NANOS;
                if (lag(gateway) == 0) {
                    if (mismatches.equals(whenApplied)) return new Result(Math.round(seconds * 100) / 100.0, mismatches, true);
                    whenApplied = mismatches;
                } else {
                    whenApplied = null;
                }
                long applied = Changes.applied(before.getOrDefault(FigureKey.GLOBAL, new Truth.Counts(0, 0, 0)), now.get(FigureKey.GLOBAL));
                log.printf("waiting for the figures: %,d of %,d expected changes applied (filings, deals, grants), %d figures still differ, %.0f s%n",
                        Math.min(applied, wanted), wanted, mismatches.size(), seconds);
                log.flush();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** metrics-service's lag on patent-events; -1 when the status does not tell or cannot be read now (503). */
    private static long lag(Gateway gateway) throws Exception {
        try {
            return gateway.consumerLag("metrics-service", "patent-events");
        } catch (Gateway.Unavailable e) {
            return -1;
        }
    }
}
