package io.nanopulse.gateway.domain;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An API key as stored: the SHA-256 of the key (never the key), a short non-secret prefix to recognise it,
 * its owner (principal) and roles. What authentication caches and what a listing shows are taken from it.
 */
public record ApiKey(long id, String keyHash, String prefix, String principal, Set<String> roles, String description,
                     OffsetDateTime createdAt, OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
