package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContributorsTest {

    private static FigureCounts.Member m(String key, long filings, long grants, long licensed) {
        return new FigureCounts.Member(SubjectKind.COUNTRY_SECTOR, key, filings, grants, licensed);
    }

    private static Contributors.Contributor c(String key, long before, long after) {
        return new Contributors.Contributor("COUNTRY_SECTOR", key, before, after, after - before);
    }

    @Test
    void theLargestAbsoluteChangesOfTheMetricsCountComeFirst() {
        var before = List.of(m("CN/MATERIALS", 10, 1, 1), m("CN/ENERGY", 20, 5, 9), m("CN/OTHER", 7, 0, 0), m("CN/CATALYSIS", 3, 0, 0));
        var after = List.of(m("CN/MATERIALS", 14, 1, 1), m("CN/ENERGY", 12, 6, 9), m("CN/OTHER", 7, 0, 3), m("CN/BIOMEDICINE", 5, 0, 0));
        // Filings: ENERGY -8, BIOMEDICINE +5 (absent before), MATERIALS +4, CATALYSIS -3 (absent after); OTHER unchanged.
        assertEquals(List.of(c("CN/ENERGY", 20, 12), c("CN/BIOMEDICINE", 0, 5), c("CN/MATERIALS", 10, 14)),
                Contributors.top(Metric.FILINGS, before, after, 3));
        assertEquals(Contributors.top(Metric.FILINGS, before, after, 3), Contributors.top(Metric.SHARE, before, after, 3));
        assertEquals(List.of(c("CN/OTHER", 0, 3)), Contributors.top(Metric.LICENSING_RATE, before, after, 3));
        assertEquals(List.of(c("CN/ENERGY", 5, 6)), Contributors.top(Metric.GRANTS, before, after, 3));
    }

    @Test
    void tiesGoByKeyAndNoPreviousReadingCountsFromZero() {
        var after = List.of(m("CN/OTHER", 4, 0, 0), m("CN/ENERGY", 4, 0, 0), m("CN/MATERIALS", 4, 0, 0), m("CN/CATALYSIS", 4, 0, 0));
        assertEquals(List.of(c("CN/CATALYSIS", 0, 4), c("CN/ENERGY", 0, 4), c("CN/MATERIALS", 0, 4)),
                Contributors.top(Metric.FILINGS, null, after, 3));
        assertEquals(List.of(), Contributors.top(Metric.FILINGS, after, after, 3), "nothing moved");
    }

    /** Random readings against a recomputation by brute force over every member key. */
    @Test
    void equalsABruteForceRecomputation() {
        Random r = new Random(42);
        for (int round = 0; round < 500; round++) {
            Map<String, Long> before = new HashMap<>();
            Map<String, Long> after = new HashMap<>();
            for (int i = 0; i < 12; i++) {
                if (r.nextInt(4) > 0) before.put("K" + i, (long) r.nextInt(20));
                if (r.nextInt(4) > 0) after.put("K" + i, (long) r.nextInt(20));
            }
            var keys = new TreeSet<String>(before.keySet());
            keys.addAll(after.keySet());
            List<Contributors.Contributor> all = new ArrayList<>();
            for (String k : keys) {
                long b = before.getOrDefault(k, 0L);
                long a = after.getOrDefault(k, 0L);
                if (a != b) all.add(c(k, b, a));
            }
            all.sort(Comparator.comparingLong((Contributors.Contributor x) -> -Math.abs(x.change())).thenComparing(x -> x.key()));
            var want = all.subList(0, Math.min(3, all.size()));
            var got = Contributors.top(Metric.FILINGS, before.entrySet().stream().map(e -> m(e.getKey(), e.getValue(), 0, 0)).toList(),
                    after.entrySet().stream().map(e -> m(e.getKey(), e.getValue(), 0, 0)).toList(), 3);
            assertEquals(want, got, "round " + round);
        }
    }
}
