package io.nanopulse.gateway.application;

import io.nanopulse.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open streams counted per key and in all; a slot released (once, however often) is free again. */
class StreamSlotsTest {
    private final StreamSlots slots = new StreamSlots(ApiKeysRevocationTest.proxy(GatewayConfig.class, Map.of(
            "streams", ApiKeysRevocationTest.proxy(GatewayConfig.Streams.class, Map.of("maxPerKey", 2, "maxTotal", 3)))));

    @Test
    void aKeyAtItsLimitIsRefusedWhileAnotherKeyIsNot() {
        StreamSlots.Slot first = slots.acquire(1);
        slots.acquire(1);
        TooManyStreamsException refused = assertThrows(TooManyStreamsException.class, () -> slots.acquire(1));
        assertTrue(refused.getMessage().contains("max-per-key"), refused.getMessage());
        slots.acquire(2);
        first.release();
        first.release();
        slots.acquire(1);
        assertThrows(TooManyStreamsException.class, () -> slots.acquire(1));
    }

    @Test
    void theInstanceAtItsLimitRefusesEveryKey() {
        List<StreamSlots.Slot> held = new ArrayList<>(List.of(slots.acquire(1), slots.acquire(2), slots.acquire(3)));
        TooManyStreamsException refused = assertThrows(TooManyStreamsException.class, () -> slots.acquire(4));
        assertTrue(refused.getMessage().contains("max-total"), refused.getMessage());
        held.forEach(StreamSlots.Slot::release);
        for (int i = 0; i < 3; i++) {
            slots.acquire(5 + i);
        }
    }
}
