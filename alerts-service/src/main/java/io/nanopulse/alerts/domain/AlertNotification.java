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

    /**
     * @param subject     null for a RANK rule watching first place
     * @param threshold   a THRESHOLD rule's threshold; for other kinds what the transition crossed
     * @param measurement what the evaluation measured (see {@link Measurement})
     * @param explanation what moved the figure, in numbers (see {@link Explanation}); null when unknown
     */
    public record Data(Rule rule, Subject subject, String window, Double value, double threshold,
                       Double recoveryThreshold, Transition transition, Map<String, String> links,
                       Measurement measurement, Explanation explanation) {
    }

    /** @param condition ABOVE or BELOW (THRESHOLD, COMPARE), IN_TOP or OUT_OF_TOP (RANK with a subject); else null */
    public record Rule(UUID id, String name, String metric, String condition, Map<String, String> labels, String kind) {
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
        return of(rule, t, publicBaseUrl, null);
    }

    /** The notification of {@code t} with its explanation. */
    public static AlertNotification of(AlertRule rule, AlertTransition t, String publicBaseUrl, Explanation explanation) {
        RuleDefinition d = rule.definition();
        PublicLinks api = new PublicLinks(publicBaseUrl);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("rule", api.rule(rule.id()));
        links.put("state", api.ruleState(rule.id()));
        if (d.subject() != null) {
            links.put("figures", api.figures(d.subject().kind().name(), d.subject().key(), d.window()));
        }
        if (d.spec() instanceof CompareSpec c) {
            links.put("otherFigures", api.figures(c.other().kind().name(), c.other().key(), d.window()));
        }
        if (d.spec() instanceof RankSpec r) {
            links.put("ranking", api.ranking(r.rankingKind().name(), d.metric().apiName(), d.window()));
        }
        Thresholds thresholds = d.thresholds();
        var data = new Data(
                new Rule(rule.id(), d.name(), d.metric().apiName(), condition(d.spec()), d.labels(), d.kind().name()),
                d.subject() == null ? null : new Subject(d.subject().kind().name(), d.subject().key()),
                d.window(), t.value(), thresholds == null ? t.threshold() : thresholds.threshold(),
                thresholds == null ? null : thresholds.recoveryThreshold(),
                new Transition(t.kind().name(), t.from().name(), t.to().name(), t.occurredAt(), t.seq()),
                links, t.measurement(), explanation);
        return of(t.id(), t.kind().eventType(), t.occurredAt(), rule.id(), data);
    }

    private static String condition(RuleSpec spec) {
        if (spec instanceof ThresholdSpec t) {
            return t.condition().name();
        }
        if (spec instanceof CompareSpec c) {
            return c.condition().name();
        }
        if (spec instanceof RankSpec r && r.position() != null) {
            return r.position().name();
        }
        return null;
    }
}
