package io.nanopulse.gateway.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.nanopulse.gateway.domain.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API key management: create (the key exists outside its owner's hands only in that answer), list, revoke,
 * and look up by hash through a short cache so that authentication does not query PostgreSQL on every
 * request. A revocation on this instance is effective at once (the entry is dropped); on other instances
 * within nanopulse.gateway.auth.cache-ttl.
 */
@ApplicationScoped
public class ApiKeys {
    /** A key just created, with the key itself. */
    public record Issued(ApiKey apiKey, String key) {
    }

    /** One page of keys, oldest first; page counts from 0. */
    public record Page(List<ApiKey> items, int page, int size, long totalItems) {
    }

    private final ApiKeyStore store;
    private final Cache<String, Optional<ApiKey>> byHash;

    public ApiKeys(ApiKeyStore store, GatewayConfig config) {
        this.store = store;
        this.byHash = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(config.auth().cacheSize())
                .build();
    }

    /** The cached answer for a hash: null when not cached, empty when known not to exist. */
    public Optional<ApiKey> cached(String hash) {
        return byHash.getIfPresent(hash);
    }

    /**
     * Blocking: reads the store and caches the answer (also a negative one).
     *
     * @throws KeyStoreUnavailableException when the store cannot be reached (nothing is cached then)
     */
    @Transactional
    public Optional<ApiKey> load(String hash) {
        Optional<ApiKey> found = store.findByHash(hash);
        byHash.put(hash, found);
        return found;
    }

    @Transactional
    public Issued create(String principal, Set<String> roles, String description) {
        String key = KeyMaterial.generate();
        return new Issued(store(key, principal, roles, description), key);
    }

    /** Stores a given key (the bootstrap admin key); must run in a transaction. */
    ApiKey store(String key, String principal, Set<String> roles, String description) {
        String hash = KeyMaterial.hash(key);
        ApiKey stored = store.add(hash, KeyMaterial.prefix(key), principal, Roles.canonical(roles), description, now());
        byHash.invalidate(hash);
        return stored;
    }

    /** Revoking twice is harmless; the last active admin key cannot be revoked (409). */
    @Transactional
    public ApiKey revoke(long id) {
        ApiKey key = store.findKey(id).orElseThrow(() -> ProblemException.notFound("no API key with id " + id));
        if (!key.revoked()) {
            if (key.isAdmin() && store.countActiveAdminsExcept(id) == 0) {
                throw ProblemException.conflict("this is the last active admin key; create another admin key first");
            }
            key = store.revoke(id, now());
        }
        byHash.invalidate(key.keyHash());
        return key;
    }

    @Transactional
    public Page page(int page, int size, boolean includeRevoked) {
        return new Page(store.page(page, size, includeRevoked), page, size, store.countKeys(includeRevoked));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
