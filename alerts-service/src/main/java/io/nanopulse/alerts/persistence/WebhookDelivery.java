package io.nanopulse.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An outbox row: one notification to one webhook endpoint, retried under one stable webhook-id. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
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

    /** The Standard Webhooks message id: stable across every retry of this delivery. */
    public static String webhookId(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
