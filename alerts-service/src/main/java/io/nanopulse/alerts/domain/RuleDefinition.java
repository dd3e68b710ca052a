package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;

import java.util.Map;

/**
 * A checked rule: the subject's key normalised, the window in its canonical form (the form metrics-service
 * is asked for and notifications show).
 */
public record RuleDefinition(String name, SubjectKey subject, Metric metric, String window, Thresholds thresholds,
                             Map<String, String> labels) {
}
