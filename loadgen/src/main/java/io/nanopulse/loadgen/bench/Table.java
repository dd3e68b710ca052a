package io.nanopulse.loadgen.bench;

import java.util.Map;

/** The benchmark's results as a plain-text table. */
final class Table {
    private Table() {
    }

    static String render(Map<String, Object> results) {
        var sb = new StringBuilder("\nNanopulse benchmark\n");
        row(sb, "what", "result");
        sb.append("-".repeat(100)).append('\n');
        flatten(sb, "", results);
        return sb.toString();
    }

    private static void flatten(StringBuilder sb, String prefix, Object value) {
        if (value instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                flatten(sb, prefix.isEmpty() ? e.getKey().toString() : prefix + " › " + e.getKey(), e.getValue());
            }
        } else {
            row(sb, prefix, String.valueOf(value));
        }
    }

    private static void row(StringBuilder sb, String what, String result) {
        sb.append(String.format("%-80s %s%n", what.length() > 80 ? what.substring(0, 77) + "..." : what, result));
    }
}
