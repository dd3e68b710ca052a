package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.service.SilenceScope;
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

/** Mutes notifications (transitions are still recorded) until {@code endsAt}. */
@Entity
@Table(name = "silence")
public class Silence extends PanacheEntityBase {
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

    public static Silence findOwned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResult();
    }

    public SilenceScope scope() {
        return new SilenceScope(ruleId, subscriberId, matchers, startsAt, endsAt);
    }
}
