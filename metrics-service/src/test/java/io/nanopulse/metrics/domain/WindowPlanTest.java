package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.api.Window;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPlanTest {
    private static final Random RANDOM = new Random(42);

    /** Expands a plan back into days: every day of [from, to] must be covered exactly once. */
    private static Map<LocalDate, Integer> coverage(WindowPlan plan) {
        var days = new HashMap<LocalDate, Integer>();
        if (plan.years() != null) {
            for (LocalDate y = plan.years().from(); !y.isAfter(plan.years().to()); y = y.plusYears(1)) {
                for (LocalDate d = y; d.getYear() == y.getYear(); d = d.plusDays(1)) days.merge(d, 1, Integer::sum);
            }
        }
        for (var m : plan.months()) {
            for (LocalDate mm = m.from(); !mm.isAfter(m.to()); mm = mm.plusMonths(1)) {
                assertEquals(1, mm.getDayOfMonth(), "month ranges hold period starts");
                for (LocalDate d = mm; d.getMonth() == mm.getMonth(); d = d.plusDays(1)) days.merge(d, 1, Integer::sum);
            }
        }
        for (var r : plan.days()) {
            assertTrue(r.from().until(r.to()).toTotalMonths() < 1, "day ranges are shorter than a month");
            for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) days.merge(d, 1, Integer::sum);
        }
        return days;
    }

    @RepeatedTest(300)
    void everyDayOfARandomWindowIsCountedExactlyOnce() {
        LocalDate from = LocalDate.of(1995, 1, 1).plusDays(RANDOM.nextInt(365 * 12));
        LocalDate to = from.plusDays(RANDOM.nextInt(365 * 8));
        Map<LocalDate, Integer> days = coverage(WindowPlan.of(from, to));
        assertEquals(from.until(to, java.time.temporal.ChronoUnit.DAYS) + 1, days.size());
        assertTrue(days.values().stream().allMatch(n -> n == 1));
        assertTrue(days.keySet().stream().noneMatch(d -> d.isBefore(from) || d.isAfter(to)));
    }

    @Test
    void wholeYearsUseYearlyCountersAndNoDays() {
        WindowPlan p = WindowPlan.of(LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31));
        assertEquals(LocalDate.of(2000, 1, 1), p.years().from());
        assertEquals(LocalDate.of(2024, 1, 1), p.years().to());
        assertTrue(p.months().isEmpty());
        assertTrue(p.days().isEmpty());
    }

    @Test
    void shortWindowInsideOneMonthReadsDaysOnly() {
        WindowPlan p = WindowPlan.of(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 20));
        assertNull(p.years());
        assertTrue(p.months().isEmpty());
        assertEquals(1, p.days().size());
    }

    @Test
    void emptyWindowPlansNothing() {
        WindowPlan p = WindowPlan.of(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 4));
        assertNull(p.years());
        assertTrue(p.months().isEmpty() && p.days().isEmpty());
    }

    @Test
    void institutionsReadTheirWholeWindowFromPatentsOtherKindsUseCounters() {
        var institution = io.nanopulse.contracts.SubjectKind.INSTITUTION;
        Window p5y = Window.parse("P5Y", LocalDate.of(2024, 6, 30));
        WindowPlan plan = WindowPlan.of(institution, p5y);
        assertNull(plan.years());
        assertTrue(plan.months().isEmpty());
        assertEquals(java.util.List.of(new WindowPlan.DateRange(p5y.from(), p5y.to())), plan.days());
        Window all = Window.parse("ALL", LocalDate.of(2024, 6, 30));
        assertEquals(java.util.List.of(new WindowPlan.DateRange(all.from(), all.to())), WindowPlan.of(institution, all).days());
        assertTrue(WindowPlan.of(institution, Window.parse("2025-01-01..2025-12-31", LocalDate.of(2024, 6, 30))).days().isEmpty());
        assertEquals(WindowPlan.of(p5y), WindowPlan.of(io.nanopulse.contracts.SubjectKind.COUNTRY, p5y));
        assertTrue(WindowPlan.of(io.nanopulse.contracts.SubjectKind.COUNTRY, p5y).years() != null);
    }
}
