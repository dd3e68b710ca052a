package io.nanopulse.metrics.service;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Additions to the monthly and yearly counters that one batch causes. Additive deltas commute, so
 * batches applied by several instances in any order add up to the same totals.
 */
public final class CounterDeltas {
    public enum Grain { M, Y }

    /** Counter row key; ordered so every transaction locks rows in the same order (no deadlocks). */
    public record Key(SubjectKey subject, Grain grain, LocalDate period) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = subject.kind().compareTo(o.subject.kind());
            if (c == 0) c = grain.compareTo(o.grain);
            if (c == 0) c = subject.key().compareTo(o.subject.key());
            return c != 0 ? c : period.compareTo(o.period);
        }
    }

    /** filings, licensed, granted. */
    public static final class Delta {
        public long filings;
        public long licensed;
        public long granted;

        public boolean isZero() {
            return filings == 0 && licensed == 0 && granted == 0;
        }
    }

    private final Map<Key, Delta> deltas = new TreeMap<>();

    public void add(Filing filing, long filings, long licensed, long granted) {
        LocalDate month = filing.filingDate().withDayOfMonth(1);
        LocalDate year = filing.filingDate().withDayOfYear(1);
        for (SubjectKey subject : SubjectKey.of(filing)) {
            bump(new Key(subject, Grain.M, month), filings, licensed, granted);
            bump(new Key(subject, Grain.Y, year), filings, licensed, granted);
        }
    }

    private void bump(Key key, long filings, long licensed, long granted) {
        Delta d = deltas.computeIfAbsent(key, k -> new Delta());
        d.filings += filings;
        d.licensed += licensed;
        d.granted += granted;
    }

    public Map<Key, Delta> asMap() {
        return deltas;
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }
}
