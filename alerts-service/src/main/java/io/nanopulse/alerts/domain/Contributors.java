package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.api.Metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What moved a figure: the members whose count behind the metric (filings for filings and share, grants, licensed
 * for the licensing rate) changed most between two readings, by absolute change, ties by kind and key; a member
 * absent from one reading counts 0 there, and members that did not change are left out.
 */
public final class Contributors {
    /** How many contributors a notification names. */
    public static final int TOP = 3;

    private Contributors() {
    }

    /** One member's count before and after, and the change (after - before). */
    public record Contributor(String kind, String key, long before, long after, long change) {
    }

    public static List<Contributor> top(Metric metric, List<FigureCounts.Member> before, List<FigureCounts.Member> after,
                                        int limit) {
        Map<String, long[]> byMember = new LinkedHashMap<>();
        Map<String, FigureCounts.Member> names = new LinkedHashMap<>();
        for (FigureCounts.Member m : before == null ? List.<FigureCounts.Member>of() : before) {
            String id = m.kind() + "\u0000" + m.key();
            byMember.computeIfAbsent(id, k -> new long[2])[0] += m.numerator(metric);
            names.putIfAbsent(id, m);
        }
        for (FigureCounts.Member m : after == null ? List.<FigureCounts.Member>of() : after) {
            String id = m.kind() + "\u0000" + m.key();
            byMember.computeIfAbsent(id, k -> new long[2])[1] += m.numerator(metric);
            names.putIfAbsent(id, m);
        }
        List<Contributor> all = new ArrayList<>();
        byMember.forEach((id, c) -> {
            if (c[0] != c[1]) {
                FigureCounts.Member m = names.get(id);
                all.add(new Contributor(m.kind().name(), m.key(), c[0], c[1], c[1] - c[0]));
            }
        });
        all.sort(Comparator.comparingLong((Contributor c) -> Math.abs(c.change())).reversed()
                .thenComparing(Contributor::kind).thenComparing(Contributor::key));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
