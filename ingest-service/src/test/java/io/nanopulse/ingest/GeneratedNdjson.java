package io.nanopulse.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An NDJSON body produced line by line as it is read, so a test can upload hundreds of megabytes without
 * holding them. Line {@code i} (0-based) has a bad country when {@code i % invalidEvery == invalidEvery / 2},
 * and repeats the previous line's eventId (a valid duplicate) when {@code i % repeatEvery == 0}; with
 * {@code repeatEvery} a multiple of {@code invalidEvery} the two never meet, so the expected counts are exact.
 * The institution is padded to make lines realistically long.
 */
public final class GeneratedNdjson extends InputStream {
    private final String run;
    private final long lines;
    private final long invalidEvery;
    private final long repeatEvery;
    private final String padding;
    private long next;
    private byte[] current = new byte[0];
    private int pos;

    public GeneratedNdjson(String run, long lines, long invalidEvery, long repeatEvery, int paddingChars) {
        if (repeatEvery % invalidEvery != 0) {
            throw new IllegalArgumentException("repeatEvery must be a multiple of invalidEvery");
        }
        this.run = run;
        this.lines = lines;
        this.invalidEvery = invalidEvery;
        this.repeatEvery = repeatEvery;
        this.padding = "n".repeat(paddingChars);
    }

    public long expectedInvalid() {
        long offset = invalidEvery / 2;
        return lines <= offset ? 0 : (lines - offset + invalidEvery - 1) / invalidEvery;
    }

    public long expectedDuplicates() {
        return (lines - 1) / repeatEvery;
    }

    public long expectedAccepted() {
        return lines - expectedInvalid() - expectedDuplicates();
    }

    private String line(long i) {
        boolean invalid = i % invalidEvery == invalidEvery / 2;
        boolean repeat = i > 0 && i % repeatEvery == 0;
        long id = repeat ? i - 1 : i;
        return "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + run + id + "\",\"patentId\":\"CN" + (200_000_000L + i)
                + "A\",\"country\":\"" + (invalid ? "XX" : "CN") + "\",\"institution\":\"Institute " + padding
                + " " + (i % 1000) + "\",\"sector\":\"ENERGY\",\"filingDate\":\"2019-07-0" + (1 + i % 9)
                + "\",\"city\":\"Hefei\"}\n";
    }

    private boolean fill() {
        if (next >= lines) {
            return false;
        }
        current = line(next++).getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }

    @Override
    public int read() {
        if (pos >= current.length && !fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
            if (pos >= current.length && !fill()) {
                return n == 0 ? -1 : n;
            }
            int k = Math.min(len - n, current.length - pos);
            System.arraycopy(current, pos, b, off + n, k);
            pos += k;
            n += k;
        }
        return n;
    }
}
