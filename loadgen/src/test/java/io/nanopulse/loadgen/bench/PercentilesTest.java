package io.nanopulse.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PercentilesTest {
    @Test
    void nearestRankToOneDecimal() {
        var samples = new ArrayList<Double>();
        for (int i = 1; i <= 100; i++) samples.add(i + 0.04);
        assertEquals(50.0, Percentiles.of(samples, 0.50));
        assertEquals(99.0, Percentiles.of(samples, 0.99));
        assertEquals(100.0, Percentiles.of(samples, 1.0));
        assertEquals(7.3, Percentiles.of(List.of(7.25), 0.99));
        assertNull(Percentiles.of(List.of(), 0.5));
    }
}
