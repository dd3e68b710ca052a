package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.persistence.AlertRule;
import io.nanopulse.alerts.persistence.RuleState;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record RuleView(UUID id, UUID subscriberId, String name, RuleRequest.SubjectRef subject, String metric,
                       String window, String condition, double threshold, Double recoveryThreshold, String pendingFor,
                       String repeatInterval, Map<String, String> labels, int revision, String state,
                       Instant stateSince, Instant createdAt, Instant updatedAt) {

    static RuleView of(AlertRule r, RuleState s) {
        return new RuleView(r.id, r.subscriberId, r.name, new RuleRequest.SubjectRef(r.subjectKind.name(), r.subjectKey),
                r.metric.apiName(), r.windowSpec, r.condition.name(), r.threshold, r.recoveryThreshold,
                Duration.ofSeconds(r.pendingSeconds).toString(),
                r.repeatSeconds == null ? null : Duration.ofSeconds(r.repeatSeconds).toString(), r.labels, r.revision,
                s == null ? null : s.state.name(), s == null ? null : s.stateSince, r.createdAt, r.updatedAt);
    }
}
