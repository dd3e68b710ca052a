package io.nanopulse.gateway.application;

import io.nanopulse.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open live streams, counted per API key (nanopulse.gateway.streams.max-per-key) and on this instance
 * (nanopulse.gateway.streams.max-total), so that no key can hold every connection to a service.
 */
@ApplicationScoped
public class StreamSlots {
    /** One open stream; released once, however often {@link #release()} is called. */
    public interface Slot {
        void release();
    }

    private final int maxPerKey;
    private final int maxTotal;
    private final Map<Long, Integer> perKey = new HashMap<>();
    private int total;

    public StreamSlots(GatewayConfig config) {
        this.maxPerKey = config.streams().maxPerKey();
        this.maxTotal = config.streams().maxTotal();
    }

    /** @throws TooManyStreamsException when the key or this instance holds its limit of open streams */
    public synchronized Slot acquire(long keyId) {
        int held = perKey.getOrDefault(keyId, 0);
        if (held >= maxPerKey) {
            throw new TooManyStreamsException("this API key already holds " + maxPerKey
                    + " open live streams (nanopulse.gateway.streams.max-per-key); close one first");
        }
        if (total >= maxTotal) {
            throw new TooManyStreamsException("the gateway holds its limit of " + maxTotal
                    + " open live streams (nanopulse.gateway.streams.max-total); try again later");
        }
        perKey.put(keyId, held + 1);
        total++;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release(keyId);
            }
        };
    }

    private synchronized void release(long keyId) {
        perKey.computeIfPresent(keyId, (id, held) -> held > 1 ? held - 1 : null);
        total--;
    }
}
