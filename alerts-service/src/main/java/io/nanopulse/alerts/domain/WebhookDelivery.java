package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row: one notification to one subscriber over one channel (a webhook call or an e-mail), written in
 * the transaction of the transition it announces and retried under one stable id. The payload (the notification
 * JSON) is frozen at creation, so every retry sends the same bytes, or renders the same message.
 *
 * @param attempts     every attempt so far
 * @param scheduleStep attempts in the current retry round; a redelivery starts a new round
 * @param nextAttemptAt when PENDING: when the next attempt is due (a claim pushes it forward by a lease); null for a
 *                      delivery listed in a digest whose lead is not done yet
 * @param digestId     an e-mail listed in a digest: the id of the digest's lead delivery (its own id for the lead)
 * @param digest       an e-mail enqueued for its subscriber's digest (set once, at enqueue; see {@link EmailDigest})
 */
public record WebhookDelivery(UUID id, UUID subscriberId, UUID ruleId, UUID transitionId, String eventType,
                              String payload, String traceparent, DeliveryStatus status, int attempts,
                              int scheduleStep, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                              Instant createdAt, Instant completedAt, DeliveryChannel channel, UUID digestId,
                              boolean digest) {

    /** A webhook delivery. */
    public WebhookDelivery(UUID id, UUID subscriberId, UUID ruleId, UUID transitionId, String eventType,
                           String payload, String traceparent, DeliveryStatus status, int attempts,
                           int scheduleStep, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                           Instant createdAt, Instant completedAt) {
        this(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, status, attempts, scheduleStep,
                nextAttemptAt, lastStatusCode, lastError, createdAt, completedAt, DeliveryChannel.WEBHOOK, null, false);
    }

    /** A webhook delivery of {@code transition}, due at once. */
    public static WebhookDelivery pending(UUID subscriberId, AlertTransition transition, String eventType,
                                          String payload, String traceparent, Instant now) {
        return new WebhookDelivery(UUID.randomUUID(), subscriberId, transition.ruleId(), transition.id(), eventType,
                payload, traceparent, DeliveryStatus.PENDING, 0, 0, now, null, null, now, null);
    }

    /** An e-mail of {@code transition}, due at {@code dueAt} (now, or when the subscriber's next digest is due). */
    public static WebhookDelivery pendingEmail(UUID subscriberId, AlertTransition transition, String eventType,
                                               String payload, Instant now, Instant dueAt, boolean digest) {
        return new WebhookDelivery(UUID.randomUUID(), subscriberId, transition.ruleId(), transition.id(), eventType,
                payload, null, DeliveryStatus.PENDING, 0, 0, dueAt, null, null, now, null, DeliveryChannel.EMAIL, null, digest);
    }

    /**
     * The id receivers deduplicate on, the same on every retry: the Standard Webhooks message id of a webhook call;
     * for an e-mail the Message-ID without angle brackets (a digest's is its lead's).
     */
    public String webhookId() {
        return channel == DeliveryChannel.EMAIL ? EmailMessageId.of(digestId == null ? id : digestId)
                : WebhookSigner.messageId(id);
    }

    /** One more attempt made, with its answer. */
    public WebhookDelivery attempted(AttemptResult r) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, status,
                attempts + 1, scheduleStep + 1, nextAttemptAt, r.statusCode(), r.error(), createdAt, completedAt,
                channel, digestId, digest);
    }

    public WebhookDelivery completed(DeliveryStatus finalStatus, Instant now) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, finalStatus,
                attempts, scheduleStep, null, lastStatusCode, lastError, createdAt, now, channel, digestId, digest);
    }

    public WebhookDelivery dueAt(Instant at) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, status,
                attempts, scheduleStep, at, lastStatusCode, lastError, createdAt, completedAt, channel, digestId, digest);
    }

    /** Due now again, as a new retry round under the same id (receivers deduplicate on it). */
    public WebhookDelivery redelivered(Instant now) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent,
                DeliveryStatus.PENDING, attempts, 0, now, lastStatusCode, lastError, createdAt, null, channel, digestId, digest);
    }

    /** A digest member: completed by its lead, with the lead's outcome and attempt count. */
    public WebhookDelivery completedWith(WebhookDelivery lead, Instant now) {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, lead.status(),
                lead.attempts(), scheduleStep, null, lead.lastStatusCode(), lead.lastError(), createdAt, now, channel, digestId, digest);
    }

    /** Never print the payload. */
    @Override
    public String toString() {
        return "WebhookDelivery[" + id + ", " + channel + ", " + status + "]";
    }
}
