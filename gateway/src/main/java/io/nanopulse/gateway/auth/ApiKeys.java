package io.nanopulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.persistence.ApiKeyEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.JDBCConnectionException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The API key store: create, list, revoke, and look up by hash through a short cache so that
 * authentication does not query PostgreSQL on every request. A revocation on this instance is effective
 * at once (the entry is dropped); on other instances within nanopulse.gateway.auth.cache-ttl.
 */
@ApplicationScoped
public class ApiKeys {
    /** A key just created: the only moment the key itself exists outside its owner's hands. */
    public record Issued(ApiKeyEntity entity, String key) {
    }

    private final Cache<String, Optional<ApiKeyRecord>> byHash;

    public ApiKeys(GatewayConfig config) {
        this.byHash = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(config.auth().cacheSize())
                .build();
    }

    /** The cached answer for a hash: null when not cached, empty when known not to exist. */
    public Optional<ApiKeyRecord> cached(String hash) {
        return byHash.getIfPresent(hash);
    }

    /**
     * Blocking: reads the database and caches the answer (also a negative one).
     *
     * @throws KeyStoreUnavailableException when the database cannot be reached (nothing is cached then)
     */
    public Optional<ApiKeyRecord> load(String hash) {
        Optional<ApiKeyRecord> found;
        try {
            found = QuarkusTransaction.joiningExisting().call(() -> {
                ApiKeyEntity e = ApiKeyEntity.findByHash(hash);
                return e == null ? Optional.<ApiKeyRecord>empty() : Optional.of(toRecord(e));
            });
        } catch (JDBCConnectionException e) {
            throw new KeyStoreUnavailableException(e);
        }
        byHash.put(hash, found);
        return found;
    }

    static ApiKeyRecord toRecord(ApiKeyEntity e) {
        return new ApiKeyRecord(e.id, e.prefix, e.principal, Set.copyOf(e.roleSet()), e.revokedAt != null);
    }

    /** Must run in a transaction. */
    public Issued create(String principal, Set<String> roles, String description) {
        String key = KeyMaterial.generate();
        ApiKeyEntity e = store(key, principal, roles, description);
        return new Issued(e, key);
    }

    /** Must run in a transaction; the key is given (bootstrap). */
    public ApiKeyEntity store(String key, String principal, Set<String> roles, String description) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.keyHash = KeyMaterial.hash(key);
        e.prefix = KeyMaterial.prefix(key);
        e.principal = principal;
        e.roles = String.join(",", new LinkedHashSet<>(Roles.ALL.stream().filter(roles::contains).toList()));
        e.description = description;
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
        byHash.invalidate(e.keyHash);
        return e;
    }

    /** Must run in a transaction. Revoking twice is harmless. */
    public ApiKeyEntity revoke(long id) {
        ApiKeyEntity e = ApiKeyEntity.findById(id);
        if (e == null) {
            throw new NoSuchElementException("no API key with id " + id);
        }
        if (e.revokedAt == null) {
            if (e.roleSet().contains(Roles.ADMIN)
                    && ApiKeyEntity.count("revokedAt is null and roles like ?1 and id <> ?2", "%admin%", id) == 0) {
                throw new IllegalStateException("this is the last active admin key; create another admin key first");
            }
            e.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        byHash.invalidate(e.keyHash);
        return e;
    }

    public List<ApiKeyEntity> page(int page, int size, boolean includeRevoked) {
        var q = includeRevoked ? ApiKeyEntity.<ApiKeyEntity>find("order by id")
                : ApiKeyEntity.<ApiKeyEntity>find("revokedAt is null order by id");
        return q.page(page, size).list();
    }

    public long count(boolean includeRevoked) {
        return includeRevoked ? ApiKeyEntity.count() : ApiKeyEntity.count("revokedAt is null");
    }
}
