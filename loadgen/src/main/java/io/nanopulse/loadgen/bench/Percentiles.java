package io.nanopulse.loadgen.bench;

import java.util.List;

/** Nearest-rank percentiles of latency samples, in milliseconds to one decimal. */
final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p} (0..1) percentile of samples sorted ascending, to one decimal; null if there are none. */
    static Double of(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p * sorted.size());
        return Math.round(sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)) * 10) / 10.0;
    }
}
