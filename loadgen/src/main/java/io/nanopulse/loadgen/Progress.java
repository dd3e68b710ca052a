package io.nanopulse.loadgen;

import java.io.PrintStream;

/**
 * Sending progress on stderr: on a terminal a one-line bar redrawn with {@code \r}; otherwise (a log file, a
 * pipe) a plain line every few seconds. A total of 0 or less means unknown (events read from a stream).
 */
final class Progress {
    static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final long BAR_EVERY_NANOS = 250_000_000L;

    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastPrint;
    private long done;

    Progress(long total, PrintStream out, boolean terminal) {
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.lastPrint = started;
    }

    /** A progress display that shows nothing. */
    static Progress quiet() {
        return new Progress(0, new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    synchronized void add(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastPrint > (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS) || (terminal && total > 0 && done >= total)) {
            lastPrint = now;
            print(now);
        }
    }

    private void print(long now) {
        double secs = (now - started) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        if (!terminal) {
            if (total > 0) {
                out.printf("sent %,d of %,d events (%d%%), %,.0f events/s, %.0f s%n", done, total, Math.min(100, 100 * done / total), rate, secs);
            } else {
                out.printf("sent %,d events, %,.0f events/s, %.0f s%n", done, rate, secs);
            }
            out.flush();
            return;
        }
        int width = 30;
        int filled = total <= 0 ? 0 : (int) Math.min(width, width * done / total);
        String bar = total <= 0 ? "" : String.format("[%s%s] %3d%%  ", "#".repeat(filled), ".".repeat(width - filled),
                Math.min(100, 100 * done / total));
        out.printf("\r%s%,d%s events  %,.0f ev/s  %.1f s", bar, done, total > 0 ? String.format("/%,d", total) : "", rate, secs);
        out.flush();
    }

    synchronized void finish() {
        print(System.nanoTime());
        if (terminal) out.println();
        out.flush();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
