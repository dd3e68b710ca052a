package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.persistence.DeliveryAttempt;
import io.nanopulse.alerts.persistence.WebhookDelivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook delivery and its attempt log (oldest first). */
public record DeliveryView(UUID id, String webhookId, UUID ruleId, UUID transitionId, String eventType, String status,
                           int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                           Instant createdAt, Instant completedAt, List<Attempt> attemptLog) {

    public record Attempt(Instant at, Integer statusCode, long latencyMs, String outcome, String error) {
    }

    static DeliveryView of(WebhookDelivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, WebhookDelivery.webhookId(d.id), d.ruleId, d.transitionId, d.eventType,
                d.status.name(), d.attempts, d.nextAttemptAt, d.lastStatusCode, d.lastError, d.createdAt, d.completedAt,
                attempts.stream().map(a -> new Attempt(a.attemptedAt, a.statusCode, a.latencyMs, a.outcome, a.error)).toList());
    }
}
