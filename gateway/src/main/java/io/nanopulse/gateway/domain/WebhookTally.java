package io.nanopulse.gateway.domain;

import java.util.Map;
import java.util.Set;

/**
 * Webhook attempts and failures from alerts-service's delivery counter (Prometheus text), by outcome:
 * every outcome but {@code ignored} is an attempt; retried, exhausted, gone or disabled ones are failures.
 */
public record WebhookTally(long attempts, long failures) {
    public static final String COUNTER = "nanopulse_alerts_webhook_deliveries_total";
    public static final String OUTCOME = "outcome";
    static final Set<String> FAILURES = Set.of("retry", "exhausted", "gone", "endpoint_disabled");
    static final String NOT_AN_ATTEMPT = "ignored";

    public static WebhookTally fromPrometheus(String text) {
        return of(PrometheusText.sumBy(text, COUNTER, OUTCOME));
    }

    public static WebhookTally of(Map<String, Double> countByOutcome) {
        long attempts = 0;
        long failures = 0;
        for (var e : countByOutcome.entrySet()) {
            if (e.getKey().equals(NOT_AN_ATTEMPT)) {
                continue;
            }
            attempts += e.getValue().longValue();
            if (FAILURES.contains(e.getKey())) {
                failures += e.getValue().longValue();
            }
        }
        return new WebhookTally(attempts, failures);
    }

    /** Failures over attempts; null before the first attempt. */
    public Double failureRate() {
        return attempts == 0 ? null : (double) failures / attempts;
    }
}
