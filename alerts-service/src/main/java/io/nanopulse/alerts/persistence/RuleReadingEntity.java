package io.nanopulse.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The row of a {@link io.nanopulse.alerts.domain.RuleReading}; its counts as JSON text. */
@Entity
@Table(name = "rule_reading")
public class RuleReadingEntity extends PanacheEntityBase {
    @Id
    @Column(name = "rule_id")
    public UUID ruleId;
    @Column(nullable = false)
    public int revision;
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Column(nullable = false)
    public String subject;
    @Column
    public String other;
}
