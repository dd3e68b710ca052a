package io.nanopulse.metrics.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Results of expensive read queries, kept until the data they were computed from changes. A writer on this
 * instance calls {@link #invalidate()} once its change is committed; changes committed by other instances
 * are seen within {@code ttl}. Concurrent misses of one key compute it once.
 * <p>
 * Each entry remembers the data version it was computed at, read before the computation starts: a result
 * whose computation overlapped an invalidation is never served afterwards.
 */
public final class ResultCache<K, V> {
    /** Computes a result; may throw what the query throws. */
    public interface Loader<K, V> {
        V load(K key) throws Exception;
    }

    private record Versioned<V>(long version, V value) {
    }

    private final Cache<K, Versioned<V>> cache;
    private final AtomicLong version = new AtomicLong();
    private final boolean enabled;

    public ResultCache(Duration ttl, long maximumSize, Ticker ticker) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.cache = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .maximumSize(maximumSize).ticker(ticker).build();
    }

    public ResultCache(Duration ttl, long maximumSize) {
        this(ttl, maximumSize, Ticker.systemTicker());
    }

    public V get(K key, Loader<K, V> loader) throws Exception {
        if (!enabled) {
            return loader.load(key);
        }
        for (int attempt = 0; ; attempt++) {
            Versioned<V> entry;
            try {
                entry = cache.get(key, k -> {
                    long at = version.get();
                    try {
                        return new Versioned<>(at, loader.load(k));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new LoadFailure(e);
                    }
                });
            } catch (LoadFailure e) {
                throw (Exception) e.getCause();
            }
            if (entry.version() == version.get()) {
                return entry.value();
            }
            // Computed before the latest change: drop it; a second stale answer (data changing under every
            // attempt) is computed afresh without caching, so the answer is never older than this call.
            cache.asMap().remove(key, entry);
            if (attempt > 0) {
                return loader.load(key);
            }
        }
    }

    /** The data changed: nothing cached so far is served again. */
    public void invalidate() {
        version.incrementAndGet();
        cache.invalidateAll();
    }

    private static final class LoadFailure extends RuntimeException {
        LoadFailure(Exception cause) {
            super(cause);
        }
    }
}
