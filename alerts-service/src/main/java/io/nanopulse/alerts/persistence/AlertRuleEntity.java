package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.Condition;
import io.nanopulse.alerts.domain.RuleDefinition;
import io.nanopulse.alerts.domain.RuleTarget;
import io.nanopulse.alerts.domain.Thresholds;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
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

/**
 * The row of an {@link AlertRule}; {@code subject_ref} ({@code KIND:key}) is what metric-changes subjects
 * are matched against.
 */
@Entity
@Table(name = "alert_rule")
public class AlertRuleEntity extends PanacheEntityBase {
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

    AlertRule toDomain() {
        Thresholds thresholds = new Thresholds(condition, threshold, recoveryThreshold, Duration.ofSeconds(pendingSeconds),
                repeatSeconds == null ? null : Duration.ofSeconds(repeatSeconds));
        RuleDefinition d = new RuleDefinition(name, new SubjectKey(subjectKind, subjectKey), metric, windowSpec,
                thresholds, labels);
        return new AlertRule(id, owner, subscriberId, d, revision, createdAt, updatedAt);
    }

    RuleTarget toTarget() {
        return new RuleTarget(id, revision, new SubjectKey(subjectKind, subjectKey), metric, windowSpec);
    }

    /** Copies every column but the key. */
    void set(AlertRule r) {
        RuleDefinition d = r.definition();
        Thresholds t = d.thresholds();
        owner = r.owner();
        subscriberId = r.subscriberId();
        name = d.name();
        subjectKind = d.subject().kind();
        subjectKey = d.subject().key();
        subjectRef = d.subject().ref();
        metric = d.metric();
        windowSpec = d.window();
        condition = t.condition();
        threshold = t.threshold();
        recoveryThreshold = t.recoveryThreshold();
        pendingSeconds = t.pendingFor().toSeconds();
        repeatSeconds = t.repeatEvery() == null ? null : t.repeatEvery().toSeconds();
        labels = d.labels();
        revision = r.revision();
        createdAt = r.createdAt();
        updatedAt = r.updatedAt();
    }
}
