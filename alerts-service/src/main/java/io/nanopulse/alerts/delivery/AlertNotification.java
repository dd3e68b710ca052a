package io.nanopulse.alerts.delivery;

import java.time.Instant;
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
}
