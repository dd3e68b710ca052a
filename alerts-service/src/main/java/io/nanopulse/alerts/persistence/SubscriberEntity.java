package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.Subscriber;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The row of a {@link Subscriber}. */
@Entity
@Table(name = "subscriber")
public class SubscriberEntity extends PanacheEntityBase {
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

    Subscriber toDomain() {
        return new Subscriber(id, owner, name, webhookUrl, webhookEnabled, webhookDisabledReason, webhookDisabledAt,
                webhookFailingSince, secret, previousSecret, previousSecretExpiresAt, createdAt, updatedAt);
    }

    /** Copies every column but the key. */
    void set(Subscriber s) {
        owner = s.owner();
        name = s.name();
        webhookUrl = s.webhookUrl();
        webhookEnabled = s.webhookEnabled();
        webhookDisabledReason = s.webhookDisabledReason();
        webhookDisabledAt = s.webhookDisabledAt();
        webhookFailingSince = s.webhookFailingSince();
        secret = s.secret();
        previousSecret = s.previousSecret();
        previousSecretExpiresAt = s.previousSecretExpiresAt();
        createdAt = s.createdAt();
        updatedAt = s.updatedAt();
    }

    /** Never print secrets, not even by accident in a debug log. */
    @Override
    public String toString() {
        return "SubscriberEntity[" + id + "]";
    }
}
