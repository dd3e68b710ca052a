package io.nanopulse.gateway.application;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.KeyMaterial;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lookup that read the store before a revocation on this instance committed does not leave the key
 * admitted once revoke() has returned, whether it caches its answer after the commit or before it.
 */
class ApiKeysRevocationTest {
    private final MemoryStore store = new MemoryStore();
    private final Transactions transactions = new Transactions();
    private final ApiKeys keys = new ApiKeys(store, config(Duration.ofSeconds(10)), new SimpleMeterRegistry(), transactions);
    private final String key = KeyMaterial.generate();
    private final String hash = KeyMaterial.hash(key);
    private final long id = keys.store(key, "p", Set.of("alerts"), "test").id();

    @Test
    void aLookupThatReadTheKeyBeforeTheRevocationCommittedCachesItAfterTheCommit() {
        // load reads the store (active) -> revoke commits -> load caches its answer.
        store.whileReading = () -> {
            keys.revoke(id);
            transactions.complete(Status.STATUS_COMMITTED);
        };
        Optional<ApiKey> loaded = keys.load(hash);

        assertTrue(loaded.orElseThrow().revoked(), "the lookup answers the key as revoked");
        assertNotAdmitted();
    }

    @Test
    void aLookupThatCachedTheKeyBeforeTheRevocationCommittedIsDroppedByTheCommit() {
        // load reads the store (active) -> revoke runs -> load caches its answer -> revoke commits.
        store.whileReading = () -> keys.revoke(id);
        keys.load(hash);
        transactions.complete(Status.STATUS_COMMITTED);

        assertNotAdmitted();
    }

    @Test
    void aRevocationRolledBackLeavesTheKeyActive() {
        store.whileReading = () -> {
            keys.revoke(id);
            store.keys.put(hash, store.active);
            transactions.complete(Status.STATUS_ROLLEDBACK);
        };
        assertFalse(keys.load(hash).orElseThrow().revoked());
        assertFalse(keys.cached(hash).orElseThrow().revoked());
    }

    private void assertNotAdmitted() {
        Optional<ApiKey> cached = keys.cached(hash);
        assertTrue(cached == null || cached.orElseThrow().revoked(), "no active key in the cache: " + cached);
        store.whileReading = null;
        assertTrue(keys.load(hash).orElseThrow().revoked());
    }

    static GatewayConfig config(Duration cacheTtl) {
        GatewayConfig.Auth auth = proxy(GatewayConfig.Auth.class, Map.of("cacheTtl", cacheTtl, "cacheSize", 100,
                "negativeCacheTtl", Duration.ofSeconds(5), "negativeCacheSize", 100));
        return proxy(GatewayConfig.class, Map.of("auth", auth));
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }

    /** The key store in memory; {@link #whileReading} runs once a lookup by hash has read its answer. */
    static class MemoryStore implements ApiKeyStore {
        final Map<String, ApiKey> keys = new HashMap<>();
        ApiKey active;
        Runnable whileReading;

        @Override
        public Optional<ApiKey> findByHash(String keyHash) {
            Optional<ApiKey> read = Optional.ofNullable(keys.get(keyHash));
            Runnable meanwhile = whileReading;
            whileReading = null;
            if (meanwhile != null) {
                meanwhile.run();
            }
            return read;
        }

        @Override
        public Optional<ApiKey> findKey(long id) {
            return keys.values().stream().filter(k -> k.id() == id).findFirst();
        }

        @Override
        public ApiKey add(String keyHash, String prefix, String principal, List<String> roles, String description,
                          OffsetDateTime createdAt) {
            active = new ApiKey(keys.size() + 1, keyHash, prefix, principal, Set.copyOf(roles), description, createdAt, null);
            keys.put(keyHash, active);
            return active;
        }

        @Override
        public ApiKey revoke(long id, OffsetDateTime at) {
            ApiKey k = findKey(id).orElseThrow();
            ApiKey revoked = new ApiKey(k.id(), k.keyHash(), k.prefix(), k.principal(), k.roles(), k.description(), k.createdAt(), at);
            keys.put(k.keyHash(), revoked);
            return revoked;
        }

        @Override
        public boolean activeAdminExists() {
            return false;
        }

        @Override
        public long countActiveAdminsExcept(long id) {
            return 0;
        }

        @Override
        public List<ApiKey> page(int page, int size, boolean includeRevoked) {
            return List.copyOf(keys.values());
        }

        @Override
        public long countKeys(boolean includeRevoked) {
            return keys.size();
        }
    }

    /** One transaction at a time, completed when the test says so. */
    static class Transactions implements TransactionSynchronizationRegistry {
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(s -> s.afterCompletion(status));
            synchronizations.clear();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
