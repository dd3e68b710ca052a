package io.nanopulse.contracts.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricTest {

    @Test
    void metricsAreFoundByApiNameOrEnumName() {
        assertEquals(Metric.LICENSING_RATE, Metric.parse("licensingRate"));
        assertEquals(Metric.LICENSING_RATE, Metric.parse("LICENSING_RATE"));
        assertEquals(Metric.SHARE, Metric.parse(" Share "));
        assertTrue(Metric.SHARE.isRatio());
        assertFalse(Metric.FILINGS.isRatio());
    }

    @Test
    void unknownMetricsAreRefusedNamingTheKnownOnes() {
        assertTrue(Metric.find("shares").isEmpty());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Metric.parse("shares")).getMessage()
                .contains(Metric.NAMES));
    }
}
