package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * What recording one attempt of a pending delivery changes: the delivery (done, failed or due again), its
 * endpoint (its failing streak; disabled after a 410 or a streak longer than {@code disableAfter}), the
 * attempt's log line and the outcome. The caller holds both rows' locks and stores all of it at once.
 */
public record RecordedAttempt(WebhookDelivery delivery, Subscriber subscriber, DeliveryAttempt attempt,
                              DeliveryOutcome outcome) {

    public static RecordedAttempt of(WebhookDelivery pending, Subscriber endpoint, AttemptResult r, Instant now,
                                     RetrySchedule schedule, Duration disableAfter, Duration maxRetryAfter,
                                     DoubleSupplier random) {
        WebhookDelivery d = pending.attempted(r);
        Subscriber s = endpoint;
        if (!r.success() && s.webhookFailingSince() == null) {
            s = s.withFailingSince(r.at());
        }
        DeliveryDecision decision = DeliveryDecision.decide(r, d.scheduleStep(), s.webhookFailingSince(), now, schedule,
                disableAfter, maxRetryAfter, random);
        DeliveryOutcome outcome = decision.outcome();
        switch (outcome) {
            case DELIVERED -> {
                d = d.completed(DeliveryStatus.DELIVERED, now);
                s = s.withFailingSince(null);
            }
            case GONE -> {
                d = d.completed(DeliveryStatus.FAILED, now);
                s = s.webhookDisabled("endpoint answered 410 Gone", now);
            }
            case ENDPOINT_DISABLED -> {
                d = d.completed(DeliveryStatus.FAILED, now);
                s = s.webhookDisabled("no successful delivery since " + s.webhookFailingSince(), now);
            }
            case EXHAUSTED -> d = d.completed(DeliveryStatus.FAILED, now);
            default -> d = d.dueAt(decision.nextAttemptAt());
        }
        DeliveryAttempt attempt = new DeliveryAttempt(UUID.randomUUID(), d.id(), r.at(), r.statusCode(), r.latencyMs(),
                outcome.tag(), r.error());
        return new RecordedAttempt(d, s, attempt, outcome);
    }
}
