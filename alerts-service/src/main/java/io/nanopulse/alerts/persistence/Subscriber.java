package io.nanopulse.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Someone who receives alerts: an optional webhook endpoint and a live stream. */
@Entity
@Table(name = "subscriber")
public class Subscriber extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String owner;
    @Column(nullable = false)
    public String name;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_enabled", nullable = false)
    public boolean webhookEnabled;
    @Column(name = "webhook_disabled_reason")
    public String webhookDisabledReason;
    @Column(name = "webhook_disabled_at")
    public Instant webhookDisabledAt;
    @Column(name = "webhook_failing_since")
    public Instant webhookFailingSince;
    @Column(nullable = false)
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Subscriber findOwned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResult();
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

    public void disableWebhook(String reason, Instant now) {
        webhookEnabled = false;
        webhookDisabledReason = reason;
        webhookDisabledAt = now;
        updatedAt = now;
    }

    /** Never print secrets, not even by accident in a debug log. */
    @Override
    public String toString() {
        return "Subscriber[" + id + "]";
    }
}
