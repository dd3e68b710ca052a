package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {
    /** The production defaults of nanopulse.alerts.delivery.retry.*. */
    private final RetrySchedule production = new RetrySchedule(Duration.ofSeconds(5), 3, Duration.ofHours(12), 15, 0.2);

    @Test
    void productionScheduleIsTheDocumentedOne() {
        List<Duration> delays = production.nominalDelays();
        assertEquals(14, delays.size(), "15 attempts = 14 waits");
        assertEquals(Duration.ofSeconds(5), delays.get(0));
        assertEquals(Duration.ofSeconds(15), delays.get(1));
        assertEquals(Duration.ofSeconds(45), delays.get(2));
        assertEquals(Duration.ofSeconds(135), delays.get(3));
        assertEquals(Duration.ofSeconds(32805), delays.get(8));
        for (int i = 9; i < 14; i++) {
            assertEquals(Duration.ofHours(12), delays.get(i));
        }
        Duration span = production.nominalSpan();
        assertEquals(49205 + 5 * 43200, span.toSeconds());
        assertTrue(span.compareTo(Duration.ofDays(3)) > 0 && span.compareTo(Duration.ofHours(80)) < 0,
                "about three days: " + span);
    }

    @Test
    void exhaustedAfterMaxAttempts() {
        assertTrue(production.delayAfter(14, () -> 0.5).isPresent());
        assertTrue(production.delayAfter(15, () -> 0.5).isEmpty());
    }

    @Test
    void jitterStaysWithinBounds() {
        Duration nominal = production.nominalDelayAfter(4).orElseThrow();
        Duration low = production.delayAfter(4, () -> 0.0).orElseThrow();
        Duration mid = production.delayAfter(4, () -> 0.5).orElseThrow();
        Duration high = production.delayAfter(4, () -> 0.999999).orElseThrow();
        assertEquals(nominal.toMillis() * 8 / 10, low.toMillis());
        assertEquals(nominal, mid);
        assertTrue(high.toMillis() <= nominal.toMillis() * 12 / 10 && high.toMillis() > nominal.toMillis() * 119 / 100);
    }

    @Test
    void scaledDownScheduleForTests() {
        var fast = new RetrySchedule(Duration.ofMillis(200), 2, Duration.ofSeconds(1), 8, 0.2);
        assertEquals(List.of(200L, 400L, 800L, 1000L, 1000L, 1000L, 1000L),
                fast.nominalDelays().stream().map(Duration::toMillis).toList());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, 2, Duration.ofSeconds(1), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 3, 0));
    }
}
