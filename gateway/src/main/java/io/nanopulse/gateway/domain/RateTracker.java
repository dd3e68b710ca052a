package io.nanopulse.gateway.domain;

/**
 * Rate of a growing counter from samples taken whenever the status is asked for: the rate over the last
 * interval of at least {@code minSeconds}; null until there are two such samples. Time is passed in, so the
 * arithmetic is tested without waiting.
 */
public final class RateTracker {
    private final double minSeconds;
    private long anchorNanos;
    private double anchorValue;
    private boolean anchored;
    private Double rate;

    public RateTracker(double minSeconds) {
        this.minSeconds = minSeconds;
    }

    public synchronized Double update(long nanos, double value) {
        if (!anchored || value < anchorValue) { // first sample, or the counter restarted
            anchored = true;
            anchorNanos = nanos;
            anchorValue = value;
            return rate;
        }
        double seconds = (nanos - anchorNanos) / 1e9;
        if (seconds >= minSeconds) {
            rate = (value - anchorValue) / seconds;
            anchorNanos = nanos;
            anchorValue = value;
        }
        return rate;
    }
}
