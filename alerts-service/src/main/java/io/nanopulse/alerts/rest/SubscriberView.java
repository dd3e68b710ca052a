package io.nanopulse.alerts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nanopulse.alerts.persistence.Subscriber;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber as the API shows it. {@code secret} is present only in the answer that created it
 * (create, rotate-secret): it is never shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberView(UUID id, String name, Webhook webhook, String streamUrl, String secret,
                             Instant previousSecretValidUntil, Instant createdAt, Instant updatedAt) {

    /** {@code status}: ENABLED, or DISABLED with the reason (410 Gone, failing too long). */
    public record Webhook(String url, String status, String disabledReason, Instant disabledAt, Instant failingSince) {
    }

    static SubscriberView of(Subscriber s, String shownSecret) {
        Webhook w = s.webhookUrl == null ? null : new Webhook(s.webhookUrl, s.webhookEnabled ? "ENABLED" : "DISABLED",
                s.webhookDisabledReason, s.webhookDisabledAt, s.webhookFailingSince);
        Instant previousUntil = s.previousSecret != null && s.previousSecretExpiresAt != null
                && s.previousSecretExpiresAt.isAfter(Instant.now()) ? s.previousSecretExpiresAt : null;
        return new SubscriberView(s.id, s.name, w, "/subscribers/" + s.id + "/stream", shownSecret, previousUntil,
                s.createdAt, s.updatedAt);
    }
}
