package io.nanopulse.gateway.persistence;

import io.nanopulse.gateway.application.ApiKeyStore;
import io.nanopulse.gateway.application.KeyStoreUnavailableException;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.Roles;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.JDBCException;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The API key store in the gateway's PostgreSQL database (table api_key, owned by Flyway). */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, Long>, ApiKeyStore {
    /** Role names are a fixed set and only "admin" contains "admin". */
    private static final String ADMIN_LIKE = "%" + Roles.ADMIN + "%";

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        try {
            return find("keyHash", keyHash).firstResultOptional().map(ApiKeyRepository::toKey);
        } catch (JDBCException e) {
            if (unavailable(e.getSQLState())) {
                throw new KeyStoreUnavailableException(e);
            }
            throw e;
        }
    }

    /**
     * Whether a failure's SQLState says the database cannot serve now rather than that the query is wrong: a
     * connection failure (class 08), a server shutting down or still starting up (57P01..57P03), too many
     * connections (53300). A null state (no answer at all) counts as unavailable.
     */
    static boolean unavailable(String sqlState) {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300");
    }

    @Override
    public Optional<ApiKey> findKey(long id) {
        return findByIdOptional(id).map(ApiKeyRepository::toKey);
    }

    @Override
    public ApiKey add(String keyHash, String prefix, String principal, List<String> roles, String description,
                      OffsetDateTime createdAt) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.keyHash = keyHash;
        e.prefix = prefix;
        e.principal = principal;
        e.roles = String.join(",", roles);
        e.description = description;
        e.createdAt = createdAt;
        persist(e);
        return toKey(e);
    }

    @Override
    public ApiKey revoke(long id, OffsetDateTime at) {
        ApiKeyEntity e = findByIdOptional(id).orElseThrow(() -> new NoSuchElementException("no API key with id " + id));
        e.markRevoked(at);
        return toKey(e);
    }

    @Override
    public boolean activeAdminExists() {
        return count("revokedAt is null and roles like ?1", ADMIN_LIKE) > 0;
    }

    @Override
    public long countActiveAdminsExcept(long id) {
        return count("revokedAt is null and roles like ?1 and id <> ?2", ADMIN_LIKE, id);
    }

    @Override
    public List<ApiKey> page(int page, int size, boolean includeRevoked) {
        var query = includeRevoked ? find("order by id") : find("revokedAt is null order by id");
        return query.page(page, size).list().stream().map(ApiKeyRepository::toKey).toList();
    }

    @Override
    public long countKeys(boolean includeRevoked) {
        return includeRevoked ? count() : count("revokedAt is null");
    }

    static ApiKey toKey(ApiKeyEntity e) {
        return new ApiKey(e.id, e.keyHash, e.prefix, e.principal,
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(e.roles.split(",")))), e.description,
                e.createdAt, e.revokedAt);
    }
}
