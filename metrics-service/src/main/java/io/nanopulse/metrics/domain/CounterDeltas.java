package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Additions to the monthly and yearly counters that one batch causes (negative where a retraction takes
 * some back). Additive deltas commute, so
 * batches applied by several instances in any order add up to the same totals.
 */
public final class CounterDeltas {
    public enum Grain { M, Y }

    /** Counter row key. */
    public record Key(SubjectKey subject, Grain grain, LocalDate period) {
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

    // Hashed while a batch adds up (tens of thousands of bumps).
    private final Map<Key, Delta> deltas = new HashMap<>();
    private final Set<SubjectKey> touched = new HashSet<>();
    private LocalDate fromDay;
    private LocalDate toDay;

    /**
     * Whether a kind keeps counters at all. Institutions do not: they are a long tail (many holders, most with a
     * few patents a year), whose counters would be a large share of the rows every batch appends and every fold
     * upserts. Their figures are summed from the patent rows instead, which are indexed by holder and filing date.
     * Groups keep none either: their figures are their members'.
     */
    public static boolean counted(SubjectKind kind) {
        return kind != SubjectKind.INSTITUTION && kind != SubjectKind.GROUP;
    }

    public void add(Filing filing, long filings, long licensed, long granted) {
        LocalDate day = filing.filingDate();
        fromDay = fromDay == null || day.isBefore(fromDay) ? day : fromDay;
        toDay = toDay == null || day.isAfter(toDay) ? day : toDay;
        LocalDate month = filing.filingDate().withDayOfMonth(1);
        LocalDate year = filing.filingDate().withDayOfYear(1);
        for (SubjectKey subject : filing.subjects()) {
            touched.add(subject); // announced in metric-changes whether or not it has counters
            if (counted(subject.kind())) {
                bump(new Key(subject, Grain.M, month), filings, licensed, granted);
                bump(new Key(subject, Grain.Y, year), filings, licensed, granted);
            }
        }
    }

    /** The earliest filing day whose counts this batch changed; null when none. */
    public LocalDate fromDay() {
        return fromDay;
    }

    /** The latest filing day whose counts this batch changed; null when none. */
    public LocalDate toDay() {
        return toDay;
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

    public boolean isEmpty() {
        return deltas.isEmpty();
    }
}
