package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.service.Condition;
import io.nanopulse.alerts.service.Metric;
import io.nanopulse.alerts.service.RuleDefinition;
import io.nanopulse.alerts.service.Thresholds;
import io.nanopulse.contracts.SubjectKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A threshold rule; its state lives in {@link RuleState}. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String owner;
    @Column(name = "subscriber_id", nullable = false)
    public UUID subscriberId;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    public SubjectKind subjectKind;
    @Column(name = "subject_key", nullable = false)
    public String subjectKey;
    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;
    @Column(name = "window_spec", nullable = false)
    public String windowSpec;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Condition condition;
    @Column(nullable = false)
    public double threshold;
    @Column(name = "recovery_threshold")
    public Double recoveryThreshold;
    @Column(name = "pending_seconds", nullable = false)
    public long pendingSeconds;
    @Column(name = "repeat_seconds")
    public Long repeatSeconds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels;
    @Column(nullable = false)
    public int revision;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static AlertRule findOwned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResult();
    }

    public void apply(RuleDefinition d) {
        name = d.name();
        subjectKind = d.subjectKind();
        subjectKey = d.subjectKey();
        subjectRef = d.subjectRef();
        metric = d.metric();
        windowSpec = d.window();
        condition = d.thresholds().condition();
        threshold = d.thresholds().threshold();
        recoveryThreshold = d.thresholds().recoveryThreshold();
        pendingSeconds = d.thresholds().pendingFor().toSeconds();
        repeatSeconds = d.thresholds().repeatEvery() == null ? null : d.thresholds().repeatEvery().toSeconds();
        labels = d.labels();
    }

    public Thresholds thresholds() {
        return new Thresholds(condition, threshold, recoveryThreshold, Duration.ofSeconds(pendingSeconds),
                repeatSeconds == null ? null : Duration.ofSeconds(repeatSeconds));
    }
}
