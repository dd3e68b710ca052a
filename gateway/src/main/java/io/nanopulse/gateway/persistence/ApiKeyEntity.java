package io.nanopulse.gateway.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One row of api_key: the key's hash (never the key), a short non-secret prefix to recognise it, owner and roles. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {
    @Id
    @SequenceGenerator(name = "api_key_gen", sequenceName = "api_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_gen")
    public Long id;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64, columnDefinition = "bpchar(64)")
    public String keyHash;

    @Column(nullable = false, length = 16)
    public String prefix;

    @Column(nullable = false, length = 100)
    public String principal;

    /** Comma-separated role names. */
    @Column(nullable = false, length = 100)
    public String roles;

    @Column(length = 200)
    public String description;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** Written inside the entity, so that Hibernate's (enhanced) dirty tracking sees the change. */
    void markRevoked(OffsetDateTime at) {
        revokedAt = at;
    }
}
