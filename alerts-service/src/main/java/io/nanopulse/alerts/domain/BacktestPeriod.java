package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.api.Dates;
import io.nanopulse.contracts.api.alerts.BacktestRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The past dates a backtest evaluates a rule as of: {@code from}, then every day or every month (the same day of
 * the month, the month's last day when it is shorter) up to {@code to}. Bounded: at most {@link #MAX_DAYS} dates
 * by day, {@link #MAX_MONTHS} by month, none after today (the backtest reads stored history only).
 */
public record BacktestPeriod(LocalDate from, LocalDate to, Step step) {
    public static final int MAX_DAYS = BacktestRequest.MAX_DAYS;
    public static final int MAX_MONTHS = BacktestRequest.MAX_MONTHS;

    public enum Step {
        DAY, MONTH
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(BacktestPeriod period) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    /** The dates, oldest first. */
    public List<LocalDate> dates() {
        return dates(from, to, step, Integer.MAX_VALUE);
    }

    /** The dates from {@code from} to {@code to}, stopping after {@code limit}. */
    private static List<LocalDate> dates(LocalDate from, LocalDate to, Step step, int limit) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; out.size() < limit; i++) {
            LocalDate d = step == Step.DAY ? from.plusDays(i) : from.plusMonths(i);
            if (d.isAfter(to)) {
                break;
            }
            out.add(d);
        }
        return out;
    }

    /**
     * Checks the fields of a backtest request (their JSON names: {@code from}, {@code to}, {@code step}; a blank
     * step is DAY) against {@code today} (UTC) and names every bad one.
     */
    public static Result check(String from, String to, String step, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        Step s = null;
        if (step == null || step.isBlank()) {
            s = Step.DAY;
        } else {
            try {
                s = Step.valueOf(step.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("step", "must be DAY or MONTH"));
            }
        }
        if (end != null && end.isAfter(today)) {
            errors.add(new FieldError("to", "must not be after today (" + today + ", UTC): a backtest replays stored history"));
            end = null;
        }
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "must be at or before to (" + end + ")"));
            } else if (s != null) {
                int max = s == Step.DAY ? MAX_DAYS : MAX_MONTHS;
                if (dates(start, end, s, max + 1).size() > max) {
                    errors.add(new FieldError("to", "the period " + start + ".." + end + " has more than " + max
                            + " dates by " + s + "; at most " + max + " (" + (s == Step.DAY ? "use step MONTH or " : "")
                            + "bring to closer to from)"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        return new Valid(new BacktestPeriod(start, end, s));
    }

    private static LocalDate date(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required: an ISO-8601 date (YYYY-MM-DD) " + Dates.RANGE));
            return null;
        }
        try {
            return Dates.parse(raw);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
