package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.DeliveryChannel;
import io.nanopulse.alerts.domain.DeliveryStatus;
import io.nanopulse.alerts.domain.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The outbox row of a {@link WebhookDelivery}. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "subscriber_id", nullable = false)
    public UUID subscriberId;
    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;
    @Column(name = "transition_id", nullable = false)
    public UUID transitionId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String payload;
    public String traceparent;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "schedule_step", nullable = false)
    public int scheduleStep;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryChannel channel = DeliveryChannel.WEBHOOK;
    @Column(name = "digest_id")
    public UUID digestId;
    @Column(nullable = false)
    public boolean digest;

    WebhookDelivery toDomain() {
        return new WebhookDelivery(id, subscriberId, ruleId, transitionId, eventType, payload, traceparent, status,
                attempts, scheduleStep, nextAttemptAt, lastStatusCode, lastError, createdAt, completedAt, channel, digestId, digest);
    }

    /** Copies every column but the key. */
    void set(WebhookDelivery d) {
        subscriberId = d.subscriberId();
        ruleId = d.ruleId();
        transitionId = d.transitionId();
        eventType = d.eventType();
        payload = d.payload();
        traceparent = d.traceparent();
        status = d.status();
        attempts = d.attempts();
        scheduleStep = d.scheduleStep();
        nextAttemptAt = d.nextAttemptAt();
        lastStatusCode = d.lastStatusCode();
        lastError = d.lastError();
        createdAt = d.createdAt();
        completedAt = d.completedAt();
        channel = d.channel();
        digestId = d.digestId();
        digest = d.digest();
    }

    /** Never print the payload. */
    @Override
    public String toString() {
        return "WebhookDeliveryEntity[" + id + "]";
    }
}
