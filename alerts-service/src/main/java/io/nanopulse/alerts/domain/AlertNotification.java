package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A notification as a CloudEvent in structured mode: the same JSON goes to webhooks
 * ({@code application/cloudevents+json}) and to the SSE stream.
 */
public record AlertNotification(String specversion, String id, String source, String type, Instant time,
                                String subject, String datacontenttype, Data data) {

    public static final String SOURCE = "/nanopulse/alerts-service";

    public record Data(Rule rule, Subject subject, String window, Double value, double threshold,
                       Double recoveryThreshold, Transition transition, Map<String, String> links) {
    }

    public record Rule(UUID id, String name, String metric, String condition, Map<String, String> labels) {
    }

    public record Subject(String kind, String key) {
    }

    public record Transition(String kind, String from, String to, Instant at, long seq) {
    }

    public static AlertNotification of(UUID transitionId, String type, Instant at, UUID ruleId, Data data) {
        return new AlertNotification("1.0", transitionId.toString(), SOURCE, type, at, "rules/" + ruleId,
                "application/json", data);
    }

    /** The notification of {@code t}, with links into the public API under {@code publicBaseUrl}. */
    public static AlertNotification of(AlertRule rule, AlertTransition t, String publicBaseUrl) {
        RuleDefinition d = rule.definition();
        PublicLinks api = new PublicLinks(publicBaseUrl);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("rule", api.rule(rule.id()));
        links.put("state", api.ruleState(rule.id()));
        links.put("figures", api.figures(d.subject().kind().name(), d.subject().key(), d.window()));
        var data = new Data(
                new Rule(rule.id(), d.name(), d.metric().apiName(), d.thresholds().condition().name(), d.labels()),
                new Subject(d.subject().kind().name(), d.subject().key()),
                d.window(), t.value(), d.thresholds().threshold(), d.thresholds().recoveryThreshold(),
                new Transition(t.kind().name(), t.from().name(), t.to().name(), t.occurredAt(), t.seq()),
                links);
        return of(t.id(), t.kind().eventType(), t.occurredAt(), rule.id(), data);
    }
}
