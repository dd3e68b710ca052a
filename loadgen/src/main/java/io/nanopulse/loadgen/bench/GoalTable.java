package io.nanopulse.loadgen.bench;

import io.nanopulse.testkit.platform.LocalPlatform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Issue #23's goals against the figures of each goals run (the maps {@link Goals} writes to goals.json): which
 * figure each goal reads, its target, whether a run met it, and the table that prints them. A goal without a
 * target is a part shown beside the goals (where the time or memory goes).
 */
final class GoalTable {
    /** Events per second applied over the raw producer's records per second the issue aims at. */
    static final double RATIO_GOAL = 0.1;

    /** One row: {@code met} null for a part shown without a target. */
    record Goal(String section, String name, String target, Function<Map<String, Object>, Object> figure, Predicate<Object> met) {
        boolean informational() {
            return met == null;
        }

        boolean metBy(Map<String, Object> run) {
            return met != null && met.test(figure.apply(run));
        }
    }

    private GoalTable() {
    }

    /** The goals, and the parts every run reported (hops, processes), in the order the table shows them. */
    static List<Goal> goals(List<Map<String, Object>> runs) {
        var g = new ArrayList<Goal>();
        String s = "Start-up";
        g.add(new Goal(s, "platform ready (start → all services ready), s", "≤ 10", r -> at(r, "startup", "platformSeconds"), atMost(10)));
        g.add(new Goal(s, "  PostgreSQL, Kafka, topics, databases, s", "", r -> at(r, "startup", "infrastructureSeconds"), null));
        for (String svc : LocalPlatform.ALL_SERVICES) {
            g.add(new Goal(s, "  " + svc + " launched → ready, s from start", "", r -> launchedToReady(r, svc), null));
        }
        g.add(new Goal(s, "  services started with a class-data archive", "", GoalTable::archivesUsed, null));
        g.add(new Goal(s, "  first start after a build (records the class-data archives), s", "",
                r -> at(r, "firstStartAfterBuildSeconds"), null));
        g.add(new Goal(s, "  platform ready, second start (no span export), s", "", r -> at(r, "secondStartSeconds"), null));
        for (String svc : LocalPlatform.ALL_SERVICES) {
            g.add(new Goal(s, svc + " ready when started alone, s", "≤ 3", r -> at(r, "servicesAlone", svc, "readySeconds"), atMost(3)));
        }
        s = "Memory after the cold demo";
        for (String svc : LocalPlatform.ALL_SERVICES) {
            int limit = svc.equals("metrics-service") ? 512 : 256;
            g.add(new Goal(s, svc + " RSS, MiB", "≤ " + limit, r -> at(r, "memory", svc, "rssMiB"), atMost(limit)));
            g.add(new Goal(s, "  " + svc + " peak RSS (VmHWM), MiB", "", r -> at(r, "memory", svc, "peakMiB"), null));
        }
        g.add(new Goal(s, "  Kafka RSS / peak, MiB", "", r -> pair(at(r, "memory", "kafka", "rssMiB"), at(r, "memory", "kafka", "peakMiB")), null));
        g.add(new Goal(s, "  PostgreSQL postmaster RSS / tree Pss, MiB", "",
                r -> pair(at(r, "memory", "postgres", "rssMiB"), at(r, "memory", "postgres", "treePssMiB")), null));
        s = "Alert latency (ack → webhook, 1,000 events/s background)";
        g.add(new Goal(s, "samples received", "≥ 1,000", r -> at(r, "alertLatency", "samples"), atLeast(1000)));
        g.add(new Goal(s, "p99, ms", "≤ 100", r -> at(r, "alertLatency", "p99Millis"), atMost(100)));
        g.add(new Goal(s, "max, ms", "≤ 250", r -> at(r, "alertLatency", "maxMillis"), atMost(250)));
        g.add(new Goal(s, "  p50, ms", "", r -> at(r, "alertLatency", "p50Millis"), null));
        g.add(new Goal(s, "  warm-up: the first alerts after start, p50 / max, ms", "",
                r -> counted(pair(at(r, "alertLatency", "warmUp", "p50Millis"), at(r, "alertLatency", "warmUp", "maxMillis")),
                        at(r, "alertLatency", "warmUp", "samples")), null));
        g.add(new Goal(s, "  before it: the demo's backlog worked off in, s", "", r -> at(r, "caughtUp", "seconds"), null));
        g.add(new Goal(s, "  background load, events/s", "", r -> at(r, "alertLatency", "backgroundEventsPerSecond"), null));
        for (String hop : keys(runs, "alertLatency", "hops")) {
            g.add(new Goal(s, "  hop " + hop + " p50 / p99, ms", "",
                    r -> counted(pair(at(r, "alertLatency", "hops", hop, "p50Millis"), at(r, "alertLatency", "hops", hop, "p99Millis")),
                            at(r, "alertLatency", "hops", hop, "samples")), null));
        }
        corpus(g, runs, "Cold demo (deploy/run.sh --demo on a just-started platform)", "coldDemo");
        corpus(g, runs, "Whole corpus as one NDJSON request (just-started platform)", "ndjsonCorpus");
        s = "Raw limits (same run)";
        g.add(new Goal(s, "  Kafka ProducerPerformance, records/s", "", r -> at(r, "raw", "kafkaProducerRecordsPerSecond"), null));
        g.add(new Goal(s, "  Kafka ConsumerPerformance, records/s", "", r -> at(r, "raw", "kafkaConsumerRecordsPerSecond"), null));
        g.add(new Goal(s, "  PostgreSQL patent rows, rows/s", "", r -> at(r, "raw", "postgresPatentRowsPerSecond"), null));
        g.add(new Goal("Run", "  steps that failed (goals.json names them)", "",
                r -> at(r, "failures") instanceof List<?> f ? (Object) f.size() : null, null));
        return g;
    }

    private static void corpus(List<Goal> g, List<Map<String, Object>> runs, String s, String key) {
        g.add(new Goal(s, "applied after the first request, s", "≤ 45", r -> at(r, key, "appliedSecondsFromFirstRequest"), atMost(45)));
        g.add(new Goal(s, "exact (every figure as the generator recorded)", "yes", r -> at(r, key, "exact"), Boolean.TRUE::equals));
        g.add(new Goal(s, "events/s applied ÷ raw producer records/s", "≥ " + RATIO_GOAL, r -> at(r, key, "ratioToRawKafkaProducer"),
                atLeast(RATIO_GOAL)));
        g.add(new Goal(s, "  events accepted", "", r -> at(r, key, "eventsAccepted"), null));
        g.add(new Goal(s, "  sent (all answered), s", "", r -> at(r, key, "sendSeconds"), null));
        g.add(new Goal(s, "  events/s applied", "", r -> at(r, key, "endToEndEventsPerSecond"), null));
        for (String process : keys(runs, key, "cpu")) {
            g.add(new Goal(s, "  CPU " + process + ", s (µs/event)", "",
                    r -> pair(at(r, key, "cpu", process, "seconds"), at(r, key, "cpu", process, "microsPerEvent")), null));
        }
    }

    /** {@code eventsPerSecond ÷ recordsPerSecond} to three decimals, or null unless both are positive numbers. */
    static Double ratio(Object eventsPerSecond, Object recordsPerSecond) {
        if (eventsPerSecond instanceof Number e && recordsPerSecond instanceof Number r && e.doubleValue() > 0 && r.doubleValue() > 0) {
            return Math.round(e.doubleValue() / r.doubleValue() * 1000) / 1000.0;
        }
        return null;
    }

    /** "met" when every run met the goal, "NOT met" when none did, else how many did; "" for a part. */
    static String verdict(Goal goal, List<Map<String, Object>> runs) {
        if (goal.informational()) return "";
        long met = runs.stream().filter(goal::metBy).count();
        if (met == runs.size()) return "met";
        if (met == 0) return "NOT met";
        return "met in " + met + " of " + runs.size();
    }

    /** The table: each goal, its target, its figure in each run, and the verdict. */
    static String render(List<Map<String, Object>> runs, String heading) {
        var sb = new StringBuilder("\n").append(heading).append('\n');
        var header = new StringBuilder(String.format("%-66s %-8s", "goal", "target"));
        for (int i = 1; i <= runs.size(); i++) header.append(String.format(" %14s", "run " + i));
        header.append("  verdict");
        sb.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        String section = null;
        for (Goal goal : goals(runs)) {
            if (!goal.section().equals(section)) {
                section = goal.section();
                sb.append(section).append('\n');
            }
            sb.append(String.format("  %-64s %-8s", clip(goal.name(), 64), goal.target()));
            for (Map<String, Object> run : runs) sb.append(String.format(" %14s", format(goal.figure().apply(run))));
            sb.append("  ").append(verdict(goal, runs)).append('\n');
        }
        for (int i = 0; i < runs.size(); i++) {
            if (at(runs.get(i), "failures") instanceof List<?> failed) {
                for (Object f : failed) sb.append("run ").append(i + 1).append(" failed: ").append(f).append('\n');
            }
        }
        return sb.toString();
    }

    /** The rows as goals.json holds them: section, goal, target, the figure of each run, verdict. */
    static List<Map<String, Object>> rows(List<Map<String, Object>> runs) {
        var rows = new ArrayList<Map<String, Object>>();
        for (Goal goal : goals(runs)) {
            var row = new LinkedHashMap<String, Object>();
            row.put("section", goal.section());
            row.put("goal", goal.name().strip());
            if (!goal.informational()) row.put("target", goal.target());
            row.put("figures", runs.stream().map(r -> goal.figure().apply(r)).toList());
            if (!goal.informational()) row.put("verdict", verdict(goal, runs));
            rows.add(row);
        }
        return rows;
    }

    static String format(Object o) {
        if (o == null) return "n/a";
        if (o instanceof Boolean b) return b ? "yes" : "no";
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Math.abs(d) < 1 && d != 0) return String.format(Locale.ROOT, "%.3f", d);
            if (Math.abs(d) < 100) return String.format(Locale.ROOT, "%.2f", d);
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (o instanceof Number n) return String.format(Locale.ROOT, "%,d", n.longValue());
        return o.toString();
    }

    private static Predicate<Object> atMost(double limit) {
        return o -> o instanceof Number n && n.doubleValue() <= limit;
    }

    private static Predicate<Object> atLeast(double limit) {
        return o -> o instanceof Number n && n.doubleValue() >= limit;
    }

    /** Two figures as one cell, "a / b" (n/a for a missing one); null when both are missing. */
    private static Object pair(Object a, Object b) {
        return a == null && b == null ? null : format(a) + " / " + format(b);
    }

    /** A cell followed by the count of samples its figures come from, " (n=…)", when known. */
    private static Object counted(Object cell, Object samples) {
        return cell != null && samples instanceof Number n ? cell + " (n=" + n.longValue() + ")" : cell;
    }

    private static Object launchedToReady(Map<String, Object> run, String service) {
        Object launched = at(run, "startup", "services", service, "launchedAtSeconds");
        Object ready = at(run, "startup", "services", service, "readyAtSeconds");
        if (!(launched instanceof Number l) || !(ready instanceof Number r)) return null;
        return String.format(Locale.ROOT, "%.1f → %.1f", l.doubleValue(), r.doubleValue());
    }

    /** "n of m" services of the run's start-up that used a class-data archive, or null. */
    private static Object archivesUsed(Map<String, Object> run) {
        if (!(at(run, "startup", "services") instanceof Map<?, ?> services) || services.isEmpty()) return null;
        long used = services.values().stream().filter(v -> v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("archiveUsed"))).count();
        return used + " of " + services.size();
    }

    /** The value at a path of nested maps, or null. */
    static Object at(Map<String, Object> run, String... path) {
        Object o = run;
        for (String key : path) {
            if (!(o instanceof Map<?, ?> m)) return null;
            o = m.get(key);
        }
        return o;
    }

    /** The keys of the map at a path, over every run, in first-seen order. */
    private static List<String> keys(List<Map<String, Object>> runs, String... path) {
        var keys = new LinkedHashSet<String>();
        for (Map<String, Object> run : runs) {
            if (at(run, path) instanceof Map<?, ?> m) m.keySet().forEach(k -> keys.add(k.toString()));
        }
        return List.copyOf(keys);
    }

    private static String clip(String s, int width) {
        return s.length() > width ? s.substring(0, width - 1) + "…" : s;
    }
}
