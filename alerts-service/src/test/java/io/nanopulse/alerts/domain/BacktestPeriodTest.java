package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestPeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static BacktestPeriod valid(String from, String to, String step) {
        return assertInstanceOf(BacktestPeriod.Valid.class, BacktestPeriod.check(from, to, step, TODAY)).period();
    }

    private static List<FieldError> invalid(String from, String to, String step) {
        return assertInstanceOf(BacktestPeriod.Invalid.class, BacktestPeriod.check(from, to, step, TODAY)).errors();
    }

    private static void refuses(String from, String to, String step, String field, String reasonPart) {
        List<FieldError> errors = invalid(from, to, step);
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field) && e.reason().contains(reasonPart)), errors.toString());
    }

    @Test
    void daysRunFromFromToToInclusive() {
        var p = valid("2024-02-27", "2024-03-01", "DAY");
        assertEquals(List.of(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29),
                LocalDate.of(2024, 3, 1)), p.dates());
    }

    @Test
    void stepDefaultsToDay() {
        assertEquals(BacktestPeriod.Step.DAY, valid("2024-01-01", "2024-01-03", null).step());
        assertEquals(3, valid("2024-01-01", "2024-01-03", "").dates().size());
    }

    @Test
    void monthsKeepTheDayOfMonthOrTheMonthsLastDay() {
        var p = valid("2024-01-31", "2024-05-30", "MONTH");
        assertEquals(List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31),
                LocalDate.of(2024, 4, 30)), p.dates());
    }

    @Test
    void oneDateWhenFromIsTo() {
        assertEquals(List.of(LocalDate.of(2025, 6, 1)), valid("2025-06-01", "2025-06-01", "MONTH").dates());
    }

    @Test
    void todayIsTheLastDateAllowed() {
        assertEquals(TODAY, valid("2026-12-01", "2026-12-05", "DAY").to());
        refuses("2026-12-01", "2026-12-06", "DAY", "to", "must not be after today (2026-12-05, UTC)");
    }

    @Test
    void atMost366DaysAnd120Months() {
        assertEquals(366, valid("2024-01-01", "2024-12-31", "DAY").dates().size());
        refuses("2023-01-01", "2024-01-02", "DAY", "to", "at most 366");
        assertEquals(120, valid("2010-01-31", "2019-12-31", "MONTH").dates().size());
        refuses("2010-01-31", "2020-01-31", "MONTH", "to", "at most 120");
        // Counted as the dates are made: 2010-01-31 + 120 months is 2020-01-31, not a day earlier.
        assertEquals(120, valid("2010-01-31", "2020-01-30", "MONTH").dates().size());
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        refuses("2025-02-01", "2025-01-01", "DAY", "from", "at or before to (2025-01-01)");
    }

    @Test
    void badStepIsRefusedNamingStep() {
        refuses("2025-01-01", "2025-02-01", "WEEK", "step", "DAY or MONTH");
        assertEquals(BacktestPeriod.Step.MONTH, ((BacktestPeriod.Valid) BacktestPeriod.check("2025-01-01", "2025-02-01",
                " month ", LocalDate.parse("2026-01-01"))).period().step(), "case-insensitive like the other enums");
    }

    @Test
    void datesMustBeIsoDatesOfTheRange() {
        refuses(null, "2025-01-01", "DAY", "from", "is required");
        refuses("2025-13-01", "2025-01-01", "DAY", "from", "ISO-8601 date");
        refuses("1899-12-31", "1900-01-01", "DAY", "from", "1900-01-01");
        refuses("2025-01-01", "01/02/2025", "DAY", "to", "ISO-8601 date");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        var fields = invalid("x", "y", "z").stream().map(FieldError::field).toList();
        assertEquals(List.of("from", "to", "step"), fields);
    }
}
