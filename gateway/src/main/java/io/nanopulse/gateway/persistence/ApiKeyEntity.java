package io.nanopulse.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** One API key: its hash (never the key), a short non-secret prefix to recognise it, owner and roles. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends PanacheEntityBase {
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

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    public static ApiKeyEntity findByHash(String hash) {
        return find("keyHash", hash).firstResult();
    }

    /** True when some key with the admin role is not revoked. */
    public static boolean activeAdminExists() {
        // Role names are a fixed set and only "admin" contains "admin".
        return count("revokedAt is null and roles like ?1", "%admin%") > 0;
    }
}
