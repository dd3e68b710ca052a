package io.nanopulse.loadgen;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The short tables a person reads at the end of a command. */
final class Summary {
    private Summary() {
    }

    /** The demo's report: what was sent, how long until applied, the headline figures, exact or not. */
    @SuppressWarnings("unchecked")
    static String demo(Map<String, Object> r) {
        var t = new StringBuilder(String.format(Locale.ROOT, "Nanopulse demo (seed %s, scale %s)%n", r.get("seed"), r.get("scale")));
        row(t, "events sent", count(r.get("eventsSent")));
        row(t, "accepted", count(r.get("eventsAccepted")));
        row(t, "rejected", count(r.get("eventsRejected")) + " (invalid on purpose)");
        row(t, "time to applied", r.get("appliedSecondsFromFirstRequest") + " s from the first request");
        headline(t, r);
        if (r.get("headlineRules") instanceof List<?> rules) {
            long firing = rules.stream().filter(x -> x instanceof Map<?, ?> m && "FIRING".equals(m.get("state"))).count();
            row(t, "headline rules", firing + " of " + rules.size() + " firing");
            for (Object x : rules) {
                if (x instanceof Map<?, ?> m) row(t, "", m.get("state") + "  " + m.get("name") + " (" + m.get("kind") + ")");
            }
        }
        row(t, "exact", Boolean.TRUE.equals(r.get("exact")) ? "yes" : "no (" + ((List<String>) r.get("mismatches")).size() + " differences)");
        return t.toString().stripTrailing();
    }

    /** The figures of the whole platform (or of the corpus alone, for stats). */
    @SuppressWarnings("unchecked")
    static void headline(StringBuilder t, Map<String, Object> r) {
        row(t, "China's share", percent(r.get("cnShare")) + " (" + count(r.get("cnFilings")) + " of " + count(r.get("globalFilings")) + " filings)");
        row(t, "China vs US+JP+KR", percent(r.get("cnShare")) + " vs " + percent(r.get("usJpKrShare")) + " combined");
        if (r.get("topHolder") instanceof Map<?, ?> top) {
            row(t, "top holder", top.get("name") + " (" + count(top.get("filings")) + " filings)");
        }
        row(t, "China's licensing", percent(r.get("cnLicensingRate")) + " of its patents licensed or transferred");
    }

    static void row(StringBuilder t, String label, String value) {
        t.append(String.format(Locale.ROOT, "  %-19s %s%n", label, value));
    }

    static String count(Object n) {
        return n instanceof Number x ? String.format(Locale.ROOT, "%,d", x.longValue()) : String.valueOf(n);
    }

    static String percent(Object share) {
        return share instanceof Number x ? String.format(Locale.ROOT, "%.1f%%", x.doubleValue() * 100) : "-";
    }
}
