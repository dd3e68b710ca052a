package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.AlertState;
import io.nanopulse.alerts.domain.AlertTransition;
import io.nanopulse.alerts.domain.Measurement;
import io.nanopulse.alerts.domain.TransitionKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The row of an {@link AlertTransition}; (rule_id, seq) is unique. */
@Entity
@Table(name = "alert_transition")
public class AlertTransitionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;
    @Column(name = "subscriber_id", nullable = false)
    public UUID subscriberId;
    @Column(nullable = false)
    public long seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransitionKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false)
    public AlertState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public AlertState toState;
    public Double value;
    @Column(nullable = false)
    public double threshold;
    @Column(name = "silenced_by")
    public UUID silencedBy;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    /** The announced CloudEvent JSON, loaded by every instance's stream listener; null when not announced. */
    public String notification;
    /** What the evaluation measured, as JSON ({@link Measurement}); null when not recorded. */
    public String measurement;

    static AlertTransitionEntity of(AlertTransition t) {
        AlertTransitionEntity e = new AlertTransitionEntity();
        e.id = t.id();
        e.ruleId = t.ruleId();
        e.subscriberId = t.subscriberId();
        e.seq = t.seq();
        e.kind = t.kind();
        e.fromState = t.from();
        e.toState = t.to();
        e.value = t.value();
        e.threshold = t.threshold();
        e.silencedBy = t.silencedBy();
        e.occurredAt = t.occurredAt();
        e.measurement = MeasurementJson.write(t.measurement());
        return e;
    }

    AlertTransition toDomain() {
        return new AlertTransition(id, ruleId, subscriberId, seq, kind, fromState, toState, value, threshold, silencedBy,
                occurredAt, MeasurementJson.read(measurement));
    }
}
