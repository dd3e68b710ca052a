package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.ChangeSpec;
import io.nanopulse.alerts.domain.CompareSpec;
import io.nanopulse.alerts.domain.Condition;
import io.nanopulse.alerts.domain.RankSpec;
import io.nanopulse.alerts.domain.RuleDefinition;
import io.nanopulse.alerts.domain.RuleKind;
import io.nanopulse.alerts.domain.RuleSpec;
import io.nanopulse.alerts.domain.RuleTarget;
import io.nanopulse.alerts.domain.ThresholdSpec;
import io.nanopulse.alerts.domain.Timing;
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
import java.time.Period;
import java.util.Map;
import java.util.UUID;

/**
 * The row of an {@link AlertRule}; {@code subject_ref} ({@code KIND:key}) is what metric-changes subjects
 * are matched against. The columns of the other kinds than the rule's are null.
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
    @Column(nullable = false)
    public RuleKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;
    @Column(name = "subject_key")
    public String subjectKey;
    @Column(name = "subject_ref")
    public String subjectRef;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;
    @Column(name = "window_spec", nullable = false)
    public String windowSpec;
    /** ABOVE or BELOW (THRESHOLD, COMPARE), IN_TOP or OUT_OF_TOP (RANK with a subject). */
    public String condition;
    public Double threshold;
    @Column(name = "recovery_threshold")
    public Double recoveryThreshold;
    public String lookback;
    @Enumerated(EnumType.STRING)
    public ChangeSpec.Direction direction;
    public Double amount;
    @Column(name = "amount_relative")
    public Boolean amountRelative;
    @Column(name = "recovery_amount")
    public Double recoveryAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "ranking_kind")
    public SubjectKind rankingKind;
    @Column(name = "top_places")
    public Integer topPlaces;
    @Column(name = "recovery_top")
    public Integer recoveryTop;
    @Enumerated(EnumType.STRING)
    @Column(name = "other_kind")
    public SubjectKind otherKind;
    @Column(name = "other_key")
    public String otherKey;
    public Double margin;
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
        Timing timing = new Timing(Duration.ofSeconds(pendingSeconds),
                repeatSeconds == null ? null : Duration.ofSeconds(repeatSeconds));
        SubjectKey subject = subjectKind == null ? null : new SubjectKey(subjectKind, subjectKey);
        RuleDefinition d = new RuleDefinition(name, subject, metric, windowSpec, spec(), timing, labels);
        return new AlertRule(id, owner, subscriberId, d, revision, createdAt, updatedAt);
    }

    private RuleSpec spec() {
        return switch (kind) {
            case THRESHOLD -> new ThresholdSpec(Condition.valueOf(condition), threshold, recoveryThreshold);
            case CHANGE -> new ChangeSpec(Period.parse(lookback), direction, amount, amountRelative, recoveryAmount);
            case RANK -> new RankSpec(rankingKind, condition == null ? null : RankSpec.Position.valueOf(condition),
                    topPlaces, recoveryTop, margin == null ? 0 : margin);
            case COMPARE -> new CompareSpec(Condition.valueOf(condition), new SubjectKey(otherKind, otherKey),
                    margin == null ? 0 : margin);
        };
    }

    RuleTarget toTarget() {
        return new RuleTarget(id, revision, toDomain().definition());
    }

    /** Copies every column but the key. */
    void set(AlertRule r) {
        RuleDefinition d = r.definition();
        owner = r.owner();
        subscriberId = r.subscriberId();
        name = d.name();
        kind = d.kind();
        subjectKind = d.subject() == null ? null : d.subject().kind();
        subjectKey = d.subject() == null ? null : d.subject().key();
        subjectRef = d.subject() == null ? null : d.subject().ref();
        metric = d.metric();
        windowSpec = d.window();
        condition = null;
        threshold = null;
        recoveryThreshold = null;
        lookback = null;
        direction = null;
        amount = null;
        amountRelative = null;
        recoveryAmount = null;
        rankingKind = null;
        topPlaces = null;
        recoveryTop = null;
        otherKind = null;
        otherKey = null;
        margin = null;
        RuleSpec spec = d.spec();
        if (spec instanceof ThresholdSpec t) {
            condition = t.condition().name();
            threshold = t.threshold();
            recoveryThreshold = t.recoveryThreshold();
        } else if (spec instanceof ChangeSpec c) {
            lookback = c.lookback().toString();
            direction = c.direction();
            amount = c.amount();
            amountRelative = c.relative();
            recoveryAmount = c.recoveryAmount();
        } else if (spec instanceof RankSpec k) {
            rankingKind = k.rankingKind();
            condition = k.position() == null ? null : k.position().name();
            topPlaces = k.top();
            recoveryTop = k.recoveryTop();
            margin = k.margin();
        } else if (spec instanceof CompareSpec c) {
            condition = c.condition().name();
            otherKind = c.other().kind();
            otherKey = c.other().key();
            margin = c.margin();
        }
        pendingSeconds = d.timing().pendingFor().toSeconds();
        repeatSeconds = d.timing().repeatEvery() == null ? null : d.timing().repeatEvery().toSeconds();
        labels = d.labels();
        revision = r.revision();
        createdAt = r.createdAt();
        updatedAt = r.updatedAt();
    }
}
