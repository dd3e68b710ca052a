package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Window;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How to add up a window exactly from stored counters: whole years from yearly counters, whole months
 * from monthly counters, and the leftover days at either edge straight from the patent rows.
 * At most two day ranges of under a month each are read from patents; kinds without counters
 * ({@link CounterDeltas#counted}) read the whole window from them.
 */
public record WindowPlan(DateRange years, List<DateRange> months, List<DateRange> days) {

    /** Inclusive range; for years and months the bounds are period starts (first day). */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    public static WindowPlan of(Window window) {
        return of(window.from(), window.to());
    }

    /** The plan for a subject of this kind: kinds without counters read the whole window from patent rows. */
    public static WindowPlan of(SubjectKind kind, Window window) {
        if (CounterDeltas.counted(kind)) {
            return of(window);
        }
        var days = new ArrayList<DateRange>();
        if (!window.from().isAfter(window.to())) {
            days.add(new DateRange(window.from(), window.to()));
        }
        return new WindowPlan(null, new ArrayList<>(), days);
    }

    public static WindowPlan of(LocalDate from, LocalDate to) {
        var months = new ArrayList<DateRange>();
        var days = new ArrayList<DateRange>();
        if (from.isAfter(to)) {
            return new WindowPlan(null, months, days);
        }
        // First whole month inside the window, and last.
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endOfLast = YearMonth.from(to).atEndOfMonth().equals(to) ? to : to.withDayOfMonth(1).minusDays(1);
        if (firstMonth.isAfter(endOfLast)) {
            days.add(new DateRange(from, to));
            return new WindowPlan(null, months, days);
        }
        LocalDate lastMonth = endOfLast.withDayOfMonth(1);
        if (from.isBefore(firstMonth)) {
            days.add(new DateRange(from, firstMonth.minusDays(1)));
        }
        if (to.isAfter(endOfLast)) {
            days.add(new DateRange(endOfLast.plusDays(1), to));
        }
        // Whole years inside [firstMonth, lastMonth].
        LocalDate firstYear = firstMonth.getMonthValue() == 1 ? firstMonth : firstMonth.withDayOfYear(1).plusYears(1);
        LocalDate lastYear = lastMonth.getMonthValue() == 12 ? lastMonth.withDayOfYear(1) : lastMonth.withDayOfYear(1).minusYears(1);
        if (firstYear.isAfter(lastYear)) {
            months.add(new DateRange(firstMonth, lastMonth));
            return new WindowPlan(null, months, days);
        }
        if (firstMonth.isBefore(firstYear)) {
            months.add(new DateRange(firstMonth, firstYear.minusMonths(1)));
        }
        if (lastMonth.isAfter(lastYear.withMonth(12))) {
            months.add(new DateRange(lastYear.plusYears(1), lastMonth));
        }
        return new WindowPlan(new DateRange(firstYear, lastYear), months, days);
    }
}
