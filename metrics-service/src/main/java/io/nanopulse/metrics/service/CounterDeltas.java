package io.nanopulse.metrics.service;

import io.nanopulse.contracts.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Additions to the monthly and yearly counters that one batch causes. Additive deltas commute, so
 * batches applied by several instances in any order add up to the same totals.
 */
public final class CounterDeltas {
    public enum Grain { M, Y }

    /**
     * Counter row key; ordered so every transaction locks rows in the same order (no deadlocks), and the
     * rows every batch touches (global, then countries) last: concurrent batches then overlap on the many
     * institution and city rows and wait for each other only over a short tail before commit.
     */
    public record Key(SubjectKey subject, Grain grain, LocalDate period) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(contention(subject.kind()), contention(o.subject.kind()));
            if (c == 0) c = grain.compareTo(o.grain);
            if (c == 0) c = subject.key().compareTo(o.subject.key());
            return c != 0 ? c : period.compareTo(o.period);
        }
    }

    private static int contention(SubjectKind kind) {
        return switch (kind) {
            case INSTITUTION -> 0;
            case CITY -> 1;
            case COUNTRY_SECTOR -> 2;
            case COUNTRY -> 3;
            case GLOBAL -> 4;
        };
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

    // Hashed while a batch adds up (tens of thousands of bumps), sorted once for the write.
    private final Map<Key, Delta> deltas = new HashMap<>();
    private final Set<SubjectKey> touched = new HashSet<>();

    /**
     * Whether a kind keeps monthly counters (every kind keeps yearly ones). Institutions do not: they are a
     * long tail (tens of thousands of holders, most with a few patents a year), so their monthly counters
     * were about one row per patent, and upserting them was a third of a batch's cost. Their part-year
     * figures are summed from the patent rows (indexed by holder and filing date) instead.
     */
    public static boolean monthly(SubjectKind kind) {
        return kind != SubjectKind.INSTITUTION;
    }

    public void add(Filing filing, long filings, long licensed, long granted) {
        LocalDate month = filing.filingDate().withDayOfMonth(1);
        LocalDate year = filing.filingDate().withDayOfYear(1);
        for (SubjectKey subject : SubjectKey.of(filing)) {
            touched.add(subject);
            if (monthly(subject.kind())) {
                bump(new Key(subject, Grain.M, month), filings, licensed, granted);
            }
            bump(new Key(subject, Grain.Y, year), filings, licensed, granted);
        }
    }

    /** Every subject whose figures this batch changed. */
    public Set<SubjectKey> subjects() {
        return touched;
    }

    private void bump(Key key, long filings, long licensed, long granted) {
        Delta d = deltas.computeIfAbsent(key, k -> new Delta());
        d.filings += filings;
        d.licensed += licensed;
        d.granted += granted;
    }

    /** The deltas by counter, in no particular order. */
    public Map<Key, Delta> asMap() {
        return deltas;
    }

    /** The deltas in the order their rows must be locked (see {@link Key}). */
    public List<Map.Entry<Key, Delta>> inLockOrder() {
        var entries = new ArrayList<>(deltas.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }
}
