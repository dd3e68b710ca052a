package io.nanopulse.contracts.api;

import io.nanopulse.contracts.problem.ProblemException;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Strict parsing of query parameters: whole numbers in ASCII digits within bounds, {@code true}/{@code false},
 * dates of {@link Dates}. An absent or empty value takes the default; anything else that does not parse is a
 * 400 naming the parameter ({@code 1.5}, {@code abc}, {@code 0x10} and {@code 2147483648} are not whole
 * numbers of an int parameter).
 */
public final class QueryParams {
    private static final int MAX_DIGITS = 10;

    private QueryParams() {
    }

    public static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        String reason = "must be a whole number from " + min + " to " + max;
        if (!isWholeNumber(raw)) {
            throw ProblemException.invalid(name, reason);
        }
        long v = Long.parseLong(raw);
        if (v < min || v > max) {
            throw ProblemException.invalid(name, reason);
        }
        return (int) v;
    }

    public static boolean bool(String name, String raw, boolean fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** A date of {@link Dates}' range, or null when absent or blank. */
    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, e.getMessage());
        }
    }

    private static boolean isWholeNumber(String raw) {
        int start = raw.charAt(0) == '-' ? 1 : 0;
        if (raw.length() == start || raw.length() - start > MAX_DIGITS) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
