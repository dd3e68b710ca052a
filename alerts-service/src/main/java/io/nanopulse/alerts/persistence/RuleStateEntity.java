package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.AlertState;
import io.nanopulse.alerts.domain.RuleState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The row of a {@link RuleState}; evaluations lock it with SELECT ... FOR UPDATE. */
@Entity
@Table(name = "rule_state")
public class RuleStateEntity extends PanacheEntityBase {
    @Id
    @Column(name = "rule_id")
    public UUID ruleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertState state;
    @Column(name = "state_since", nullable = false)
    public Instant stateSince;
    @Column(name = "pending_since")
    public Instant pendingSince;
    @Column(name = "last_value")
    public Double lastValue;
    @Column(name = "last_observed_at")
    public Instant lastObservedAt;
    @Column(name = "last_evaluated_at")
    public Instant lastEvaluatedAt;
    @Column(name = "last_notified_at")
    public Instant lastNotifiedAt;
    @Column(name = "transition_count", nullable = false)
    public long transitionCount;
    @Column(name = "reference_key")
    public String referenceKey;
    /** JSON of the last evaluation's measurement. */
    @Column(name = "last_measurement")
    public String lastMeasurement;

    RuleState toDomain() {
        return new RuleState(ruleId, state, stateSince, pendingSince, lastValue, lastObservedAt, lastEvaluatedAt,
                lastNotifiedAt, transitionCount, referenceKey, MeasurementJson.read(lastMeasurement));
    }

    /** Copies every column but the key. */
    void set(RuleState s) {
        state = s.state();
        stateSince = s.stateSince();
        pendingSince = s.pendingSince();
        lastValue = s.lastValue();
        lastObservedAt = s.lastObservedAt();
        lastEvaluatedAt = s.lastEvaluatedAt();
        lastNotifiedAt = s.lastNotifiedAt();
        transitionCount = s.transitionCount();
        referenceKey = s.reference();
        lastMeasurement = MeasurementJson.write(s.lastMeasurement());
    }
}
