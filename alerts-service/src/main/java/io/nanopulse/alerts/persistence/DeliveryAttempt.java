package io.nanopulse.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The log line of one HTTP attempt of a delivery. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {
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
}
