package io.nanopulse.metrics.persistence;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format, sent in one go. COPY is the bulk
 * path PostgreSQL parses fastest (faster than an {@code INSERT ... SELECT FROM unnest(arrays)}); it runs
 * in the caller's transaction like any statement.
 */
final class CopyRows {
    private final StringBuilder text;
    private boolean lineStart = true;

    CopyRows(int expectedRows, int charsPerRow) {
        // Sized up front: growing a builder of a whole batch's rows copies it each time it doubles.
        text = new StringBuilder(Math.max(64, expectedRows * charsPerRow));
    }

    /** Adds one column value to the current row ({@code null} is SQL NULL). */
    CopyRows add(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        String s = value.toString();
        int i = 0;
        while (i < s.length() && !special(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            text.append(s); // most values need no escaping: one array copy (append(s, 0, i) copies char by char)
            return this;
        }
        text.append(s, 0, i);
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    /** Adds a number column (no boxing, no intermediate string). */
    CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** Adds a date column in ISO form ({@code null} is SQL NULL). */
    CopyRows add(LocalDate date) {
        if (date == null) {
            return add((Object) null);
        }
        separate();
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            text.append(date); // the rare form with a sign or more digits
            return this;
        }
        text.append(year).append('-');
        twoDigits(date.getMonthValue()).append('-');
        twoDigits(date.getDayOfMonth());
        return this;
    }

    private StringBuilder twoDigits(int n) {
        return text.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** Starts a column: a tab before every column but a row's first. */
    private void separate() {
        if (!lineStart) {
            text.append('\t');
        }
        lineStart = false;
    }

    private static boolean special(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    /** Ends the current row. */
    CopyRows end() {
        text.append('\n');
        lineStart = true;
        return this;
    }

    /** The COPY text so far. */
    @Override
    public String toString() {
        return text.toString();
    }

    /** Runs {@code COPY table (columns) FROM STDIN} with the rows added; returns the rows copied. */
    long copyInto(Connection c, String tableAndColumns) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
    }
}
