package io.nanopulse.alerts.domain;

import java.util.Map;

/** A rule as a client sent it: unparsed, unchecked. */
public record RuleDraft(String name, String subjectKind, String subjectKey, String metric, String window,
                        String condition, Double threshold, Double recoveryThreshold, String pendingFor,
                        String repeatInterval, Map<String, String> labels) {
}
