package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo's own events must change: for every figure it checks, the platform's counts after minus
 * before must equal the counts the generator recorded for its accepted events. Data the platform held before
 * the demo started is in both readings and cancels out.
 */
final class Changes {
    private Changes() {
    }

    /** One count that did not change as it should. */
    record Mismatch(FigureKey figure, String metric, long expected, long seen) {
        @Override
        public String toString() {
            return figure + " " + metric + ": expected +" + expected + ", saw " + (seen >= 0 ? "+" : "") + seen;
        }
    }

    /** The figures a generator record ({@link Truth#expected()}) covers: global, per country, holder, China's years. */
    @SuppressWarnings("unchecked")
    static Map<FigureKey, Truth.Counts> expected(Map<String, Object> record) {
        var out = new LinkedHashMap<FigureKey, Truth.Counts>();
        out.put(FigureKey.GLOBAL, (Truth.Counts) record.get("global"));
        ((Map<String, Truth.Counts>) record.get("countries")).forEach((k, v) -> out.put(new FigureKey("COUNTRY", k, "ALL"), v));
        ((Map<String, Truth.Counts>) record.get("holders")).forEach((k, v) -> out.put(new FigureKey("INSTITUTION", k, "ALL"), v));
        ((Map<String, Truth.Counts>) record.get("cnYears")).forEach((k, v) -> out.put(new FigureKey("COUNTRY", "CN", k), v));
        return out;
    }

    /** The counts of {@code figures} as the platform shows them now. */
    static Map<FigureKey, Truth.Counts> read(Gateway gateway, List<FigureKey> figures) throws Exception {
        List<JsonNode> answers = gateway.figures(figures);
        var out = new LinkedHashMap<FigureKey, Truth.Counts>();
        for (int i = 0; i < figures.size(); i++) {
            JsonNode f = answers.get(i);
            out.put(figures.get(i), new Truth.Counts(f.path("filings").asLong(), f.path("licensed").asLong(), f.path("grants").asLong()));
        }
        return out;
    }

    /** Every count of {@code expected} whose difference {@code after − before} is not the expected one. */
    static List<Mismatch> mismatches(Map<FigureKey, Truth.Counts> before, Map<FigureKey, Truth.Counts> after,
                                     Map<FigureKey, Truth.Counts> expected) {
        var out = new ArrayList<Mismatch>();
        var none = new Truth.Counts(0, 0, 0);
        expected.forEach((figure, want) -> {
            Truth.Counts b = before.getOrDefault(figure, none);
            Truth.Counts a = after.getOrDefault(figure, none);
            check(out, figure, "filings", want.filings(), a.filings() - b.filings());
            check(out, figure, "licensed", want.licensed(), a.licensed() - b.licensed());
            check(out, figure, "grants", want.grants(), a.grants() - b.grants());
        });
        return out;
    }

    /** How many of the expected count changes (filings, licensed, grants) show so far, summed over the global figure. */
    static long applied(Truth.Counts before, Truth.Counts now) {
        return Math.max(0, now.filings() - before.filings()) + Math.max(0, now.licensed() - before.licensed())
                + Math.max(0, now.grants() - before.grants());
    }

    private static void check(List<Mismatch> out, FigureKey figure, String metric, long expected, long seen) {
        if (expected != seen) out.add(new Mismatch(figure, metric, expected, seen));
    }
}
