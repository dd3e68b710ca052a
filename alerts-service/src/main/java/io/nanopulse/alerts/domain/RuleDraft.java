package io.nanopulse.alerts.domain;

import java.util.Map;

/** A rule as a client sent it: unparsed, unchecked. A subject with neither kind nor key is no subject. */
public record RuleDraft(String name, String subjectKind, String subjectKey, String metric, String window,
                        String condition, Double threshold, Double recoveryThreshold, String pendingFor,
                        String repeatInterval, Map<String, String> labels, String kind, String lookback,
                        String direction, Double amount, Boolean relative, Double recoveryAmount, String rankingKind,
                        Integer top, Integer recoveryTop, String otherKind, String otherKey, Double margin) {

    /** A THRESHOLD rule's draft. */
    public RuleDraft(String name, String subjectKind, String subjectKey, String metric, String window,
                     String condition, Double threshold, Double recoveryThreshold, String pendingFor,
                     String repeatInterval, Map<String, String> labels) {
        this(name, subjectKind, subjectKey, metric, window, condition, threshold, recoveryThreshold, pendingFor,
                repeatInterval, labels, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
