package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Someone who receives alerts: an optional webhook endpoint (with its health: disabled after a 410 or a
 * failing streak) and a live stream. The signing secret is kept in clear because signing needs it; the
 * previous one keeps signing until {@code previousSecretExpiresAt} after a rotation.
 */
public record Subscriber(UUID id, String owner, String name, String webhookUrl, boolean webhookEnabled,
                         String webhookDisabledReason, Instant webhookDisabledAt, Instant webhookFailingSince,
                         String secret, String previousSecret, Instant previousSecretExpiresAt,
                         Instant createdAt, Instant updatedAt) {

    /** A new subscriber; a webhook URL, when given, starts enabled. */
    public static Subscriber create(String owner, String name, String webhookUrl, String secret, Instant now) {
        return new Subscriber(UUID.randomUUID(), owner, name, webhookUrl, webhookUrl != null, null, null, null,
                secret, null, null, now, now);
    }

    public boolean webhookActive() {
        return webhookUrl != null && webhookEnabled;
    }

    /** The secrets to sign with now: the current one, plus the previous one during a rotation. */
    public List<String> signingSecrets(Instant now) {
        List<String> out = new ArrayList<>(2);
        out.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            out.add(previousSecret);
        }
        return out;
    }

    /** Until when the previous secret still signs; null when no rotation overlap is running. */
    public Instant previousSecretValidUntil(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecretExpiresAt : null;
    }

    /**
     * Name and webhook URL replaced. Saving a URL (even the same one) re-enables a disabled endpoint and
     * clears its failure streak: the way back after a 410 or an automatic disable.
     */
    public Subscriber withEndpoint(String newName, String newWebhookUrl, Instant now) {
        return new Subscriber(id, owner, newName, newWebhookUrl, newWebhookUrl != null, null, null, null,
                secret, previousSecret, previousSecretExpiresAt, createdAt, now);
    }

    /** A new secret; the current one becomes the previous one and keeps signing for {@code overlap}. */
    public Subscriber rotated(String newSecret, Duration overlap, Instant now) {
        return new Subscriber(id, owner, name, webhookUrl, webhookEnabled, webhookDisabledReason, webhookDisabledAt,
                webhookFailingSince, newSecret, secret, now.plus(overlap), createdAt, now);
    }

    /** The first failure of a failing streak, or null once a delivery succeeded. */
    public Subscriber withFailingSince(Instant since) {
        return new Subscriber(id, owner, name, webhookUrl, webhookEnabled, webhookDisabledReason, webhookDisabledAt,
                since, secret, previousSecret, previousSecretExpiresAt, createdAt, updatedAt);
    }

    public Subscriber webhookDisabled(String reason, Instant now) {
        return new Subscriber(id, owner, name, webhookUrl, false, reason, now, webhookFailingSince,
                secret, previousSecret, previousSecretExpiresAt, createdAt, now);
    }

    /** Never print secrets, not even by accident in a debug log. */
    @Override
    public String toString() {
        return "Subscriber[" + id + "]";
    }
}
