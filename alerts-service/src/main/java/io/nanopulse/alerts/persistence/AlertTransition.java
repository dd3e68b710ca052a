package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.service.AlertState;
import io.nanopulse.alerts.service.TransitionKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One recorded step of a rule's state machine, sent or muted. */
@Entity
@Table(name = "alert_transition")
public class AlertTransition extends PanacheEntityBase {
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
    /** The silence that muted this transition; null when it was announced (or needs no announcement). */
    @Column(name = "silenced_by")
    public UUID silencedBy;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
