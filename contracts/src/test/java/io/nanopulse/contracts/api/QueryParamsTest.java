package io.nanopulse.contracts.api;

import io.nanopulse.contracts.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParamsTest {

    @Test
    void wholeNumbersAreParsedStrictlyWithinBounds() {
        assertEquals(10, QueryParams.integer("limit", null, 10, 1, 100));
        assertEquals(10, QueryParams.integer("limit", "", 10, 1, 100));
        assertEquals(7, QueryParams.integer("limit", "7", 10, 1, 100));
        assertEquals(-3, QueryParams.integer("n", "-3", 0, -5, 5));
        for (String bad : new String[]{"1.5", "abc", "2147483648", "0x10", "+5", " 5", "5 ", "-", "1e3", "٣",
                "99999999999999999999", "0", "101"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.integer("limit", bad, 10, 1, 100), bad);
            assertEquals(400, e.problem().status());
            assertEquals("limit", e.problem().field());
            assertEquals("limit: must be a whole number from 1 to 100", e.problem().detail());
        }
    }

    @Test
    void booleansAreTrueOrFalse() {
        assertTrue(QueryParams.bool("active", "true", false));
        assertFalse(QueryParams.bool("active", "FALSE", true));
        assertTrue(QueryParams.bool("active", null, true));
        assertEquals("active", assertThrows(ProblemException.class, () -> QueryParams.bool("active", "yes", false))
                .problem().field());
    }

    @Test
    void datesOutsideTheRangeAreRefused() {
        assertNull(QueryParams.date("asOf", null));
        assertEquals(LocalDate.of(2024, 2, 29), QueryParams.date("asOf", "2024-02-29"));
        assertEquals(Dates.MIN, QueryParams.date("asOf", "1900-01-01"));
        assertEquals(Dates.MAX, QueryParams.date("asOf", "9999-12-31"));
        for (String bad : new String[]{"+999999999-12-31", "-999999999-01-01", "1899-12-31", "+10000-01-01",
                "0000-01-01", "2024-02-30", "tomorrow"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.date("asOf", bad), bad);
            assertEquals("asOf", e.problem().field());
        }
        assertThrows(IllegalArgumentException.class, () -> Window.parse("2020-01-01..+999999999-12-31", Dates.MAX));
        assertThrows(IllegalArgumentException.class, () -> Window.parse("1800-01-01..2020-12-31", Dates.MAX));
    }

    @Test
    void instantsFallOnDaysOfTheRange() {
        assertTrue(Dates.isInRange(Instant.parse("1900-01-01T00:00:00Z")));
        assertTrue(Dates.isInRange(Instant.parse("9999-12-31T23:59:59.999Z")));
        assertFalse(Dates.isInRange(Instant.parse("1899-12-31T23:59:59Z")));
        assertFalse(Dates.isInRange(Instant.parse("+10000-01-01T00:00:00Z")));
        assertFalse(Dates.isInRange(Instant.MAX));
    }

    @Test
    void pagesCannotOverflow() {
        assertEquals(new PageRequest(0, 50), PageRequest.of(null, null, 200));
        PageRequest last = PageRequest.of(String.valueOf(PageRequest.MAX_PAGE), "500", 500);
        assertEquals(500_000_000L, last.offset());
        assertTrue(last.offset() <= Integer.MAX_VALUE);
        assertEquals("page", assertThrows(ProblemException.class, () -> PageRequest.of("2147483647", "200", 200))
                .problem().field());
        assertEquals("size", assertThrows(ProblemException.class, () -> PageRequest.of("0", "201", 200))
                .problem().field());
        assertEquals("page", assertThrows(ProblemException.class, () -> PageRequest.of("-1", "10", 200))
                .problem().field());
    }
}
