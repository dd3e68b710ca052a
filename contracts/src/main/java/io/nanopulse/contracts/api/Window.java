package io.nanopulse.contracts.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A window of filing dates, inclusive at both ends, resolved against a point in time, and the canonical
 * spec it came from. The one grammar of windows: every service parses and checks windows here.
 *
 * <p>Specs: {@code ALL} (from 1900-01-01 to asOf); a year {@code 2024} (its days up to asOf); an ISO-8601
 * period {@code P12M} (trailing: {@code asOf - P < d <= asOf}); an inclusive range
 * {@code 2020-01-01..2020-12-31} (capped at asOf). An empty window (from after to) counts nothing.
 */
public record Window(String spec, LocalDate from, LocalDate to, LocalDate asOf) {
    public static final LocalDate EPOCH = Dates.MIN;
    public static final int MAX_SPEC_LENGTH = 40;
    /** The grammar in one sentence, for error messages and API documentation. */
    public static final String GRAMMAR = "ALL, a year (2024), a trailing ISO-8601 period (P12M, P5Y, P30D)"
            + " or an inclusive range (2020-01-01..2020-12-31)";

    public boolean isEmpty() {
        return from.isAfter(to);
    }

    /** Why {@code spec} is not a window, or empty when it is one; a blank spec is refused here. */
    public static Optional<String> problem(String spec) {
        if (spec == null || spec.isBlank()) {
            return Optional.of("is required: " + GRAMMAR);
        }
        try {
            parse(spec, LocalDate.now(ZoneOffset.UTC));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The canonical form of a valid spec ({@code all} → {@code ALL}, {@code p12m} → {@code P12M}). */
    public static String canonical(String spec) {
        return parse(spec, LocalDate.now(ZoneOffset.UTC)).spec();
    }

    /**
     * Resolves {@code rawSpec} (blank means {@code ALL}) at {@code asOf}; an {@link IllegalArgumentException}
     * whose message is the reason refuses it.
     */
    public static Window parse(String rawSpec, LocalDate asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        String spec = rawSpec == null || rawSpec.isBlank() ? "ALL" : rawSpec.strip();
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_SPEC_LENGTH + " characters");
        }
        if (spec.equalsIgnoreCase("ALL")) {
            return new Window("ALL", EPOCH, asOf, asOf);
        }
        if (isYear(spec)) {
            int y = Integer.parseInt(spec);
            if (y < EPOCH.getYear()) {
                throw new IllegalArgumentException("year must be 1900 or later");
            }
            Year year = Year.of(y);
            return new Window(spec, year.atDay(1), min(year.atMonth(12).atEndOfMonth(), asOf), asOf);
        }
        if (spec.startsWith("P") || spec.startsWith("p")) {
            return trailing(spec.toUpperCase(Locale.ROOT), asOf);
        }
        int dots = spec.indexOf("..");
        if (dots > 0) {
            return range(spec, dots, asOf);
        }
        throw new IllegalArgumentException("unknown window '" + spec + "'; use " + GRAMMAR);
    }

    private static boolean isYear(String spec) {
        if (spec.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (spec.charAt(i) < '0' || spec.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Window trailing(String spec, LocalDate asOf) {
        Period period;
        try {
            period = Period.parse(spec);
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
        return new Window(spec, max(from, EPOCH), asOf, asOf);
    }

    private static Window range(String spec, int dots, LocalDate asOf) {
        LocalDate from;
        LocalDate to;
        try {
            from = Dates.parse(spec.substring(0, dots));
            to = Dates.parse(spec.substring(dots + 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("range must be YYYY-MM-DD..YYYY-MM-DD, dates " + Dates.RANGE);
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("window start " + from + " is after its end " + to);
        }
        return new Window(spec, max(from, EPOCH), min(to, asOf), asOf);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
