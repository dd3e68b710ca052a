package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row: one notification to one webhook endpoint, written in the transaction of the transition
 * it announces and retried under one stable webhook-id. The payload is frozen at creation, so every
 * retry sends the same bytes.
 *
 * @param attempts     every attempt so far
 * @param scheduleStep attempts in the current retry round; a redelivery starts a new round
 * @param nextAttemptAt when PENDING: when the next attempt is due (a claim pushes it forward by a lease)
 */
public record WebhookDelivery(UUID id, UUID subscriberId, UUID ruleId, UUID transitionId, String eventType,
                              String payload, String traceparent, DeliveryStatus status, int attempts,
                              int scheduleStep, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                              Instant createdAt, Instant completedAt) {

    /** A delivery of {@code transition}, due at once. */
    public static WebhookDelivery pending(UUID subscriberId, AlertTransition transition, String eventType,
                                          String payload, String traceparent, Instant now) {
        return new WebhookDelivery(UUID.randomUUID(), subscriberId, transition.ruleId(), transition.id(), eventType,
                payload, traceparent, DeliveryStatus.PENDING, 0, 0, now, null, null, now, null);
    }

    /** The Standard Webhooks message id: the same on every retry of this delivery. */
    public String webhookId() {
        return WebhookSigner.messageId(id);
    }

    /** One more attempt made, with its answer. */
    public WebhookDelivery attempted(AttemptResult r) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, status,
                attempts + 1, scheduleStep + 1, nextAttemptAt, r.statusCode(), r.error(), createdAt, completedAt);
    }

    public WebhookDelivery completed(DeliveryStatus finalStatus, Instant now) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, finalStatus,
                attempts, scheduleStep, null, lastStatusCode, lastError, createdAt, now);
    }

    public WebhookDelivery dueAt(Instant at) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, status,
                attempts, scheduleStep, at, lastStatusCode, lastError, createdAt, completedAt);
    }

    /** Due now again, as a new retry round under the same webhook-id (receivers deduplicate on it). */
    public WebhookDelivery redelivered(Instant now) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent,
                DeliveryStatus.PENDING, attempts, 0, now, lastStatusCode, lastError, createdAt, null);
    }

    /** Never print the payload. */
    @Override
    public String toString() {
        return "WebhookDelivery[" + id + ", " + status + "]";
    }
}
