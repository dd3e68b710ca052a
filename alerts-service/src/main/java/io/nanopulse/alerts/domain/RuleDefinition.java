package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;

import java.util.Map;

/**
 * A checked rule: subject keys normalised, the window in its canonical form (the form metrics-service is asked
 * for and notifications show), the kind's part in {@code spec}.
 *
 * @param subject null only for a RANK rule watching first place
 */
public record RuleDefinition(String name, SubjectKey subject, Metric metric, String window, RuleSpec spec,
                             Timing timing, Map<String, String> labels) {

    /** A THRESHOLD rule. */
    public RuleDefinition(String name, SubjectKey subject, Metric metric, String window, Thresholds thresholds,
                          Map<String, String> labels) {
        this(name, subject, metric, window,
                new ThresholdSpec(thresholds.condition(), thresholds.threshold(), thresholds.recoveryThreshold()),
                new Timing(thresholds.pendingFor(), thresholds.repeatEvery()), labels);
    }

    public RuleKind kind() {
        return spec.kind();
    }

    /** A THRESHOLD rule's thresholds and timing; null for the other kinds. */
    public Thresholds thresholds() {
        return spec instanceof ThresholdSpec t
                ? new Thresholds(t.condition(), t.threshold(), t.recoveryThreshold(), timing.pendingFor(), timing.repeatEvery())
                : null;
    }
}
