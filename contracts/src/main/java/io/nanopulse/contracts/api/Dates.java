package io.nanopulse.contracts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The dates the API takes: ISO-8601 calendar dates ({@code YYYY-MM-DD}) and instants from {@link #MIN} to
 * {@link #MAX} (UTC), for every date parameter and field ({@code asOf}, {@code from}, {@code to}, window
 * ranges, silences' {@code startsAt} and {@code endsAt}). Anything else is refused naming the field.
 */
public final class Dates {
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    /** The range in words, for error messages and API documentation. */
    public static final String RANGE = "from 1900-01-01 to 9999-12-31";
    private static final Instant MIN_INSTANT = MIN.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private Dates() {
    }

    /** A date of the range, or an {@link IllegalArgumentException} whose message is the reason. */
    public static LocalDate parse(String raw) {
        LocalDate d;
        try {
            d = LocalDate.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 date (YYYY-MM-DD) " + RANGE);
        }
        if (!isInRange(d)) {
            throw new IllegalArgumentException("must be a date " + RANGE);
        }
        return d;
    }

    public static boolean isInRange(LocalDate d) {
        return d != null && !d.isBefore(MIN) && !d.isAfter(MAX);
    }

    /** Whether {@code t} falls on a day of the range (UTC). */
    public static boolean isInRange(Instant t) {
        return t != null && !t.isBefore(MIN_INSTANT) && t.isBefore(END_INSTANT);
    }
}
