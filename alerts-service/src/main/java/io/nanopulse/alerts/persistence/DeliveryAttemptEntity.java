package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.DeliveryAttempt;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The row of a {@link DeliveryAttempt}. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttemptEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;
    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;
    @Column(nullable = false)
    public String outcome;
    public String error;

    static DeliveryAttemptEntity of(DeliveryAttempt a) {
        DeliveryAttemptEntity e = new DeliveryAttemptEntity();
        e.id = a.id();
        e.deliveryId = a.deliveryId();
        e.attemptedAt = a.attemptedAt();
        e.statusCode = a.statusCode();
        e.latencyMs = a.latencyMs();
        e.outcome = a.outcome();
        e.error = a.error();
        return e;
    }

    DeliveryAttempt toDomain() {
        return new DeliveryAttempt(id, deliveryId, attemptedAt, statusCode, latencyMs, outcome, error);
    }
}
