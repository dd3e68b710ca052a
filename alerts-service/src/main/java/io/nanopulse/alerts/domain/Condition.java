package io.nanopulse.alerts.domain;

/** Which side of the threshold is the alert side. Strict comparison: "above 45%" means {@code > 0.45}. */
public enum Condition {
    ABOVE, BELOW;

    public boolean breaches(double value, double threshold) {
        return this == ABOVE ? value > threshold : value < threshold;
    }

    /** Whether {@code value} is past the recovery threshold, on the healthy side. */
    public boolean recovered(double value, double recoveryThreshold) {
        return this == ABOVE ? value < recoveryThreshold : value > recoveryThreshold;
    }
}
