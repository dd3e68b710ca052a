package io.nanopulse.metrics.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * A resolved window of filing dates, inclusive at both ends, and the spec it came from.
 *
 * <p>Specs: {@code ALL} (from 1900-01-01 to asOf); a year {@code 2024} (its days up to asOf); an ISO-8601
 * period {@code P12M} (trailing: {@code asOf - P < d <= asOf}); an inclusive range
 * {@code 2020-01-01..2020-12-31} (capped at asOf). An empty window (from after to) counts nothing.
 */
public record Window(String spec, LocalDate from, LocalDate to, LocalDate asOf) {
    public static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

    public boolean isEmpty() {
        return from.isAfter(to);
    }

    public static Window parse(String rawSpec, LocalDate asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        String spec = rawSpec == null || rawSpec.isBlank() ? "ALL" : rawSpec.strip();
        if (spec.length() > 40) {
            throw new IllegalArgumentException("window spec too long");
        }
        if (spec.equalsIgnoreCase("ALL")) {
            return new Window("ALL", EPOCH, asOf, asOf);
        }
        if (spec.matches("\\d{4}")) {
            int y = Integer.parseInt(spec);
            if (y < 1900 || y > 9999) {
                throw new IllegalArgumentException("year must be 1900 or later");
            }
            Year year = Year.of(y);
            return new Window(spec, year.atDay(1), min(year.atMonth(12).atEndOfMonth(), asOf), asOf);
        }
        if (spec.startsWith("P") || spec.startsWith("p")) {
            Period period;
            try {
                period = Period.parse(spec.toUpperCase());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + spec + "' is not an ISO-8601 period such as P12M or P5Y");
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
            LocalDate from;
            try {
                from = asOf.minus(period).plusDays(1);
            } catch (DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("period too long");
            }
            return new Window(spec.toUpperCase(), max(from, EPOCH), asOf, asOf);
        }
        int dots = spec.indexOf("..");
        if (dots > 0) {
            try {
                LocalDate from = LocalDate.parse(spec.substring(0, dots));
                LocalDate to = LocalDate.parse(spec.substring(dots + 2));
                if (from.isAfter(to)) {
                    throw new IllegalArgumentException("window start " + from + " is after its end " + to);
                }
                return new Window(spec, max(from, EPOCH), min(to, asOf), asOf);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("range must be YYYY-MM-DD..YYYY-MM-DD");
            }
        }
        throw new IllegalArgumentException("unknown window '" + spec
                + "'; use ALL, a year (2024), an ISO-8601 period (P12M) or a range (2020-01-01..2020-12-31)");
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
