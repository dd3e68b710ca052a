package io.nanopulse.gateway.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.nanopulse.gateway.domain.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API key management: create (the key exists outside its owner's hands only in that answer), list, revoke,
 * and look up by hash through a short cache so that authentication does not query PostgreSQL on every
 * request. A revocation on this instance is effective once revoke() returns: the entry is dropped again after
 * the commit, and the hash is marked revoked for nanopulse.gateway.auth.cache-ttl, so a lookup that read the
 * store before the commit neither caches nor answers the key as active. On other instances it is effective
 * within nanopulse.gateway.auth.cache-ttl. Hashes found in no store are remembered apart (bounded, for
 * nanopulse.gateway.auth.negative-cache-ttl), so a flood of unknown keys cannot push known ones out.
 * Each store read by hash is counted (nanopulse.gateway.key.lookups).
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
    private final Cache<String, ApiKey> byHash;
    private final Cache<String, Boolean> unknown;
    private final Cache<String, Boolean> seenValid = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();
    /** Hashes of keys whose revocation this instance committed within the cache TTL. */
    private final Cache<String, OffsetDateTime> revokedHere;
    private final Counter lookups;
    private final TransactionSynchronizationRegistry transactions;

    public ApiKeys(ApiKeyStore store, GatewayConfig config, MeterRegistry registry,
                   TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.transactions = transactions;
        this.revokedHere = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(config.auth().cacheSize())
                .build();
        this.byHash = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().cacheTtl())
                .maximumSize(config.auth().cacheSize())
                .build();
        this.unknown = Caffeine.newBuilder()
                .expireAfterWrite(config.auth().negativeCacheTtl())
                .maximumSize(config.auth().negativeCacheSize())
                .build();
        this.lookups = Counter.builder("nanopulse.gateway.key.lookups")
                .description("API key lookups by hash that read the key store")
                .register(registry);
    }

    /** The cached answer for a hash: null when not cached, empty when known not to exist. */
    public Optional<ApiKey> cached(String hash) {
        ApiKey key = byHash.getIfPresent(hash);
        if (key != null) {
            return Optional.of(key);
        }
        return unknown.getIfPresent(hash) != null ? Optional.empty() : null;
    }

    /**
     * Blocking: reads the store and caches the answer (also a negative one).
     *
     * @throws KeyStoreUnavailableException when the store cannot be reached (nothing is cached then)
     */
    @Transactional
    public Optional<ApiKey> load(String hash) {
        lookups.increment();
        Optional<ApiKey> found = store.findByHash(hash).map(this::cache);
        if (found.isEmpty()) {
            unknown.put(hash, Boolean.TRUE);
        }
        found.filter(key -> !key.revoked()).ifPresent(key -> seenValid.put(hash, Boolean.TRUE));
        return found;
    }

    /** A key read before this instance's revocation of it committed, as revoked. */
    private ApiKey withRevocationsHere(ApiKey key) {
        OffsetDateTime revokedAt = key.revoked() ? null : revokedHere.getIfPresent(key.keyHash());
        return revokedAt == null ? key : new ApiKey(key.id(), key.keyHash(), key.prefix(), key.principal(), key.roles(),
                key.description(), key.createdAt(), revokedAt);
    }

    /**
     * Caches a key read from the store, as revoked if its revocation committed here meanwhile: checked
     * atomically with the put, so that {@link #revoked(ApiKey)} (mark, then drop) cannot interleave.
     */
    private ApiKey cache(ApiKey read) {
        return byHash.asMap().compute(read.keyHash(), (hash, old) -> withRevocationsHere(read));
    }

    /** After the revocation committed: marks the hash, then drops whatever a concurrent lookup cached. */
    private void revoked(ApiKey key) {
        revokedHere.put(key.keyHash(), key.revokedAt());
        byHash.invalidate(key.keyHash());
    }

    /**
     * Whether this hash belonged to an active key in the last hour (for throttling only, never for
     * authentication): such a key is looked up even from an address that has spent its budget.
     */
    public boolean seenValid(String hash) {
        return seenValid.getIfPresent(hash) != null;
    }

    /**
     * Blocking: whether the key with this id, read from the store now, is still active and holds the role
     * (how open streams learn of a revocation made on any instance). A revoked key leaves the cache.
     */
    @Transactional
    public boolean admits(long id, String role) {
        Optional<ApiKey> found = store.findKey(id);
        found.filter(ApiKey::revoked).ifPresent(key -> byHash.invalidate(key.keyHash()));
        return found.map(key -> !key.revoked() && key.roles().contains(role)).orElse(false);
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
        unknown.invalidate(hash);
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
        ApiKey revoked = key;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    revoked(revoked);
                }
            }
        });
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
