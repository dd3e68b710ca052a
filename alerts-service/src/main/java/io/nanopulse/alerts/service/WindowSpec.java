package io.nanopulse.alerts.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a window as the metrics-service figures API understands it: {@code ALL}, a calendar year
 * ({@code 2024}), a trailing ISO-8601 period ({@code P12M}, {@code P5Y}, {@code P30D}) or an inclusive
 * date range ({@code 2020-01-01..2020-12-31}). Refusing bad specs here keeps a broken rule from
 * failing every evaluation later.
 */
public final class WindowSpec {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern PERIOD = Pattern.compile("P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?");

    private WindowSpec() {
    }

    /** Why {@code spec} is not a window, or empty when it is one. */
    public static Optional<String> problem(String spec) {
        if (spec == null || spec.isBlank()) {
            return Optional.of("is required: ALL, a year like 2024, a period like P12M, or from..to dates");
        }
        if (spec.length() > 64) {
            return Optional.of("must be at most 64 characters");
        }
        if (spec.equals("ALL")) {
            return Optional.empty();
        }
        if (YEAR.matcher(spec).matches()) {
            int year = Integer.parseInt(spec);
            return year >= 1900 && year <= 2200 ? Optional.empty() : Optional.of("year must be within 1900..2200");
        }
        var range = RANGE.matcher(spec);
        if (range.matches()) {
            try {
                LocalDate from = LocalDate.parse(range.group(1));
                LocalDate to = LocalDate.parse(range.group(2));
                return from.isAfter(to) ? Optional.of("range start must not be after its end") : Optional.empty();
            } catch (DateTimeException e) {
                return Optional.of("range dates must be valid ISO dates (yyyy-MM-dd)");
            }
        }
        if (PERIOD.matcher(spec).matches() && spec.length() > 1) {
            try {
                Period p = Period.parse(spec);
                return p.isZero() || p.isNegative() ? Optional.of("period must be positive") : Optional.empty();
            } catch (DateTimeException e) {
                return Optional.of("period is not a valid ISO-8601 period");
            }
        }
        return Optional.of("'" + abbreviate(spec) + "' is not a window: use ALL, a year like 2024, a period like P12M"
                + " (years, months, weeks, days), or from..to dates like 2020-01-01..2020-12-31");
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
