package io.nanopulse.loadgen;

import java.io.PrintStream;

/** A one-line progress bar on stderr: done/total, rate and elapsed time. */
final class Progress {
    private final long total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastPrint;
    private long done;

    Progress(long total, PrintStream out) {
        this.total = total;
        this.out = out;
    }

    synchronized void add(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastPrint > 250_000_000L || done >= total) {
            lastPrint = now;
            print(now);
        }
    }

    private void print(long now) {
        double secs = (now - started) / 1e9;
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, width * done / total);
        out.printf("\r[%s%s] %3d%%  %,d/%,d events  %,.0f ev/s  %.1f s", "#".repeat(filled), ".".repeat(width - filled),
                total == 0 ? 100 : Math.min(100, 100 * done / total), done, total, secs > 0 ? done / secs : 0, secs);
        out.flush();
    }

    synchronized void finish() {
        print(System.nanoTime());
        out.println();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
