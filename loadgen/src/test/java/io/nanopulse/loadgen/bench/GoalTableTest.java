package io.nanopulse.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoalTableTest {
    private static Map<String, Object> run(double platformSeconds, long metricsRss, double p99, double demoSeconds, boolean exact, Double ratio) {
        var demo = new java.util.LinkedHashMap<String, Object>();
        demo.put("appliedSecondsFromFirstRequest", demoSeconds);
        demo.put("exact", exact);
        demo.put("ratioToRawKafkaProducer", ratio);
        demo.put("cpu", Map.of("metrics-service", Map.of("seconds", 40.5, "microsPerEvent", 32.7)));
        return Map.of(
                "startup", Map.of("platformSeconds", platformSeconds, "infrastructureSeconds", 3.2,
                        "services", Map.of("gateway", Map.of("launchedAtSeconds", 3.3, "readyAtSeconds", 8.75))),
                "memory", Map.of("metrics-service", Map.of("rssMiB", metricsRss, "peakMiB", 600L)),
                "alertLatency", Map.of("samples", 1000, "p99Millis", p99, "maxMillis", 180.0,
                        "warmUp", Map.of("samples", 100, "p50Millis", 80.0, "maxMillis", 950.5),
                        "hops", Map.of("ingest→kafka", Map.of("p50Millis", 2.0, "p99Millis", 9.5, "samples", 97))),
                "coldDemo", demo);
    }

    private static GoalTable.Goal goal(List<Map<String, Object>> runs, String name) {
        return GoalTable.goals(runs).stream().filter(g -> g.name().strip().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aGoalIsMetWhenEveryRunMeetsItAndSaysHowManyDidOtherwise() {
        var runs = List.of(run(9.5, 500, 90, 44, true, 0.12), run(10.0, 513, 120, 46, true, 0.09), run(12, 700, 150, 50, false, null));
        assertEquals("met", GoalTable.verdict(goal(runs, "platform ready (start → all services ready), s"), runs.subList(0, 2)));
        assertEquals("met in 2 of 3", GoalTable.verdict(goal(runs, "platform ready (start → all services ready), s"), runs));
        assertEquals("met in 1 of 3", GoalTable.verdict(goal(runs, "metrics-service RSS, MiB"), runs));
        assertEquals("met in 1 of 3", GoalTable.verdict(goal(runs, "p99, ms"), runs));
        assertEquals("met", GoalTable.verdict(goal(runs, "max, ms"), runs));
        assertEquals("met in 2 of 3", GoalTable.verdict(goal(runs, "exact (every figure as the generator recorded)"), runs));
        assertEquals("met in 1 of 3", GoalTable.verdict(goal(runs, "events/s applied ÷ raw producer records/s"), runs));
        // Not measured (the step failed) is not met.
        assertEquals("NOT met", GoalTable.verdict(goal(runs, "ingest-service ready when started alone, s"), runs));
        // A part has no verdict.
        assertEquals("", GoalTable.verdict(goal(runs, "metrics-service peak RSS (VmHWM), MiB"), runs));
    }

    @Test
    void theRatioIsEventsPerSecondOverRecordsPerSecondToThreeDecimals() {
        assertEquals(0.099, GoalTable.ratio(31_400L, 317_000.0));
        assertEquals(0.1, GoalTable.ratio(30_000, 300_000.0));
        assertNull(GoalTable.ratio(31_400L, null));
        assertNull(GoalTable.ratio(null, 317_000.0));
        assertNull(GoalTable.ratio(31_400L, 0.0));
    }

    @Test
    void theTableShowsEachGoalItsTargetEachRunsFigureAndTheVerdict() {
        var runs = List.of(run(9.5, 500, 90, 44.2, true, 0.12), run(11.25, 530, 95.5, 40, true, 0.11));
        String table = GoalTable.render(runs, "heading");
        assertTrue(table.startsWith("\nheading\n"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +platform ready .*≤ 10 +9\\.50 +11\\.25  met in 1 of 2")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +metrics-service RSS, MiB +≤ 512 +500 +530  met in 1 of 2")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +exact .* yes +yes +yes  met")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +hop ingest→kafka p50 / p99, ms +2\\.00 / 9\\.50 \\(n=97\\) +2\\.00 / 9\\.50 \\(n=97\\)  ")), table);
        // The warm-up samples, the first alerts after start, are shown apart and judged by no goal.
        assertTrue(table.lines().anyMatch(l -> l.matches(" +warm-up: the first alerts after start, p50 / max, ms"
                + " +80\\.00 / 951 \\(n=100\\) +80\\.00 / 951 \\(n=100\\)  ")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +CPU metrics-service, s \\(µs/event\\) +40\\.50 / 32\\.70 .*")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +gateway launched → ready, s from start +3\\.3 → 8\\.8 .*")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +ingest-service ready when started alone, s +≤ 3 +n/a +n/a  NOT met")), table);
    }

    @Test
    void rowsCarryEachRunsFigureAndTheVerdictOfGoalsOnly() {
        var runs = List.of(run(9.5, 500, 90, 44, true, 0.12));
        var rows = GoalTable.rows(runs);
        var platform = rows.stream().filter(r -> r.get("goal").toString().startsWith("platform ready (")).findFirst().orElseThrow();
        assertEquals(List.of(9.5), platform.get("figures"));
        assertEquals("≤ 10", platform.get("target"));
        assertEquals("met", platform.get("verdict"));
        var part = rows.stream().filter(r -> r.get("goal").equals("PostgreSQL, Kafka, topics, databases, s")).findFirst().orElseThrow();
        assertEquals(List.of(3.2), part.get("figures"));
        assertTrue(!part.containsKey("verdict"));
    }

    @Test
    void theFirstStartAfterABuildAndTheArchivesUsedAreShownApartWithoutAGoal() {
        var first = new java.util.HashMap<>(run(9.5, 500, 90, 44, true, 0.12));
        first.put("firstStartAfterBuildSeconds", 14.2);
        first.put("startup", Map.of("platformSeconds", 9.5, "services", Map.of(
                "gateway", Map.of("archiveUsed", true), "metrics-service", Map.of("archiveUsed", false))));
        var runs = List.<Map<String, Object>>of(first, run(9.0, 500, 90, 44, true, 0.12));
        String table = GoalTable.render(runs, "heading");
        assertTrue(table.lines().anyMatch(l -> l.matches(" +first start after a build \\(records the class-data archives\\), s +14\\.20 +n/a  ")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(" +services started with a class-data archive +1 of 2 +0 of 1  ")), table);
        assertTrue(goal(runs, "first start after a build (records the class-data archives), s").informational());
    }

    @Test
    void figuresAreFormattedByKind() {
        assertEquals("n/a", GoalTable.format(null));
        assertEquals("yes", GoalTable.format(true));
        assertEquals("1,240,000", GoalTable.format(1_240_000L));
        assertEquals("0.065", GoalTable.format(0.0654));
        assertEquals("44.21", GoalTable.format(44.214));
        assertEquals("317,000", GoalTable.format(317_000.4));
    }
}
