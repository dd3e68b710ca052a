package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.service.RuleDraft;

import java.util.Map;
import java.util.UUID;

/** A rule as clients send it; checked by {@link io.nanopulse.alerts.service.RuleValidator}. */
public record RuleRequest(UUID subscriberId, String name, SubjectRef subject, String metric, String window,
                          String condition, Double threshold, Double recoveryThreshold, String pendingFor,
                          String repeatInterval, Map<String, String> labels) {

    public record SubjectRef(String kind, String key) {
    }

    RuleDraft draft() {
        return new RuleDraft(name, subject == null ? null : subject.kind(), subject == null ? null : subject.key(),
                metric, window, condition, threshold, recoveryThreshold, pendingFor, repeatInterval, labels);
    }
}
