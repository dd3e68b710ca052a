package io.nanopulse.alerts.service;

import io.nanopulse.contracts.SubjectKind;

import java.util.Map;

/** A checked, normalised rule. */
public record RuleDefinition(String name, SubjectKind subjectKind, String subjectKey, Metric metric, String window,
                             Thresholds thresholds, Map<String, String> labels) {

    public String subjectRef() {
        return SubjectKeys.ref(subjectKind, subjectKey);
    }
}
