package io.nanopulse.alerts.domain;

import java.time.LocalDate;

/**
 * What one evaluation measured, as transitions record it and notifications show it; which members are set depends
 * on the kind. THRESHOLD: value. CHANGE: value at asOf, otherValue at otherAsOf (asOf - lookback), change (the move,
 * in the metric's unit or in percent when relative). COMPARE: value (the subject's), otherValue (the other's). RANK:
 * position (0 when not within the places read; null for a rule without subject), value (the subject's or the
 * leader's), leader (first place's key), previousLeader (the reference of a rule without subject).
 */
public record Measurement(LocalDate asOf, Double value, LocalDate otherAsOf, Double otherValue, Double change,
                          Integer position, String leader, String previousLeader) {

    public static Measurement of(LocalDate asOf, Double value) {
        return new Measurement(asOf, value, null, null, null, null, null, null);
    }
}
