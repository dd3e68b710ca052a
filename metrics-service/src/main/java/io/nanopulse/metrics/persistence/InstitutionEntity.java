package io.nanopulse.metrics.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A canonical institution (holder) that aliases roll raw names up to. */
@Entity
@Table(name = "institution")
public class InstitutionEntity extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(columnDefinition = "bpchar")
    public String country;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
