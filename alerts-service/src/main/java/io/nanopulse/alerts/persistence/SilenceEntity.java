package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.Silence;
import io.nanopulse.alerts.domain.SilenceScope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The row of a {@link Silence}. */
@Entity
@Table(name = "silence")
public class SilenceEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String owner;
    @Column(name = "rule_id")
    public UUID ruleId;
    @Column(name = "subscriber_id")
    public UUID subscriberId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> matchers;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    public String comment;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static SilenceEntity of(Silence s) {
        SilenceEntity e = new SilenceEntity();
        e.id = s.id();
        e.owner = s.owner();
        e.ruleId = s.scope().ruleId();
        e.subscriberId = s.scope().subscriberId();
        e.matchers = s.scope().matchers();
        e.startsAt = s.scope().startsAt();
        e.endsAt = s.scope().endsAt();
        e.comment = s.comment();
        e.createdAt = s.createdAt();
        return e;
    }

    Silence toDomain() {
        return new Silence(id, owner, new SilenceScope(ruleId, subscriberId, matchers, startsAt, endsAt), comment, createdAt);
    }
}
