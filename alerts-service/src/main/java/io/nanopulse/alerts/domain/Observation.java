package io.nanopulse.alerts.domain;

import java.time.LocalDate;

/**
 * The figures one evaluation of a rule read, before they are judged against its state: the subject's value at
 * {@code asOf}; for CHANGE the value at {@code otherAsOf}, for COMPARE the other subject's; for RANK the ranking.
 */
public record Observation(LocalDate asOf, Double value, LocalDate otherAsOf, Double otherValue, Standings standings) {

    /** A THRESHOLD rule's observation: one value. */
    public static Observation of(LocalDate asOf, Double value) {
        return new Observation(asOf, value, null, null, null);
    }
}
