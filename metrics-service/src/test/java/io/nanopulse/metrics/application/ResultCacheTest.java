package io.nanopulse.metrics.application;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger data = new AtomicInteger(1);

    private ResultCache<String, Integer> cache(Duration ttl) {
        return new ResultCache<>(ttl, 100, nanos::get);
    }

    private Integer load(String key) {
        loads.incrementAndGet();
        return data.get();
    }

    @Test
    void reusesAResultUntilTheDataChanges() throws Exception {
        var cache = cache(Duration.ofSeconds(2));
        assertEquals(1, cache.get("a", this::load));
        data.set(2);
        assertEquals(1, cache.get("a", this::load), "unchanged as far as this instance knows");
        assertEquals(1, loads.get());
        cache.invalidate();
        assertEquals(2, cache.get("a", this::load));
        assertEquals(2, loads.get());
    }

    @Test
    void changesOfOtherInstancesShowAfterTheTtl() throws Exception {
        var cache = cache(Duration.ofSeconds(2));
        cache.get("a", this::load);
        data.set(5);
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertEquals(1, cache.get("a", this::load));
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertEquals(5, cache.get("a", this::load));
    }

    @Test
    void aResultComputedAcrossAnInvalidationIsNeitherReturnedNorKept() throws Exception {
        var cache = cache(Duration.ofSeconds(2));
        var raced = new java.util.concurrent.atomic.AtomicBoolean();
        // The data changes (and is announced) while the first computation runs: it read the old data.
        Integer first = cache.get("a", k -> {
            int read = load(k);
            if (raced.compareAndSet(false, true)) {
                data.set(7);
                cache.invalidate();
            }
            return read;
        });
        assertEquals(7, first, "the caller is answered from data at least as new as the change");
        assertEquals(2, loads.get(), "computed again after the change");
        assertEquals(7, cache.get("a", this::load));
        assertEquals(2, loads.get(), "the fresh result is kept");
    }

    @Test
    void zeroTtlTurnsItOff() throws Exception {
        var cache = cache(Duration.ZERO);
        cache.get("a", this::load);
        cache.get("a", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void failuresAreNotCachedAndKeepTheirType() throws Exception {
        var cache = cache(Duration.ofSeconds(2));
        assertThrows(SQLException.class, () -> cache.get("a", k -> {
            throw new SQLException("database down");
        }));
        assertEquals(1, cache.get("a", this::load));
    }
}
