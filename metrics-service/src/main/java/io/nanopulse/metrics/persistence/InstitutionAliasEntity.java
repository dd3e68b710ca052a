package io.nanopulse.metrics.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A name or glob pattern (with *) that belongs to a canonical institution. */
@Entity
@Table(name = "institution_alias")
public class InstitutionAliasEntity extends PanacheEntityBase {
    @Id
    @SequenceGenerator(name = "alias_seq", sequenceName = "institution_alias_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alias_seq")
    public Long id;

    @Column(name = "institution_id", nullable = false)
    public String institutionId;

    @Column(nullable = false)
    public String pattern;

    @Column(name = "pattern_key", nullable = false, unique = true)
    public String patternKey;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
