package io.nanopulse.contracts.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 15);

    @Test
    void trailingPeriodExcludesItsStartAndIncludesAsOf() {
        Window w = Window.parse("P12M", AS_OF);
        assertEquals(LocalDate.of(2024, 6, 16), w.from()); // asOf - P < d
        assertEquals(AS_OF, w.to());                       // d <= asOf
        Window d = Window.parse("P1D", AS_OF);
        assertEquals(AS_OF, d.from());
        assertEquals(AS_OF, d.to());
    }

    @Test
    void allAndYearsAreCappedAtAsOf() {
        assertEquals(LocalDate.of(1900, 1, 1), Window.parse("ALL", AS_OF).from());
        assertEquals(AS_OF, Window.parse("ALL", AS_OF).to());
        assertEquals(LocalDate.of(2025, 6, 15), Window.parse("2025", AS_OF).to());
        assertEquals(LocalDate.of(2020, 12, 31), Window.parse("2020", AS_OF).to());
        assertTrue(Window.parse("2030", AS_OF).isEmpty());
    }

    @Test
    void explicitRangeIsInclusive() {
        Window w = Window.parse("2020-01-01..2020-12-31", AS_OF);
        assertEquals(LocalDate.of(2020, 1, 1), w.from());
        assertEquals(LocalDate.of(2020, 12, 31), w.to());
    }

    @Test
    void badSpecsAreRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Window.parse("last year", AS_OF))
                .getMessage().contains("unknown window"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Window.parse("P-1M", AS_OF))
                .getMessage().contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Window.parse("2020-12-31..2020-01-01", AS_OF))
                .getMessage().contains("after its end"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Window.parse("PXYZ", AS_OF))
                .getMessage().contains("ISO-8601 period"));
    }

    @Test
    void problemExplainsWhyASpecIsNoWindowAndAcceptsEveryForm() {
        for (String bad : new String[]{"PT5H", "P0M", "12M", "2020-13-01..2020-12-31", "2021-01-01..2020-01-01", "",
                "last year", "1899", "P" + "1".repeat(45)}) {
            assertTrue(Window.problem(bad).isPresent(), bad);
        }
        for (String good : new String[]{"ALL", "all", "2024", "P5Y", "p30d", "P1Y6M", "2020-01-01..2020-12-31"}) {
            assertTrue(Window.problem(good).isEmpty(), good);
        }
        assertEquals("P12M", Window.canonical("p12m"));
        assertEquals("ALL", Window.canonical("all"));
    }
}
