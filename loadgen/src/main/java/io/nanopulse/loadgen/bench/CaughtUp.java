package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Waits until the platform has worked off what an earlier step left queued ({@code caughtUp}): no lag of
 * metrics-service on patent-events nor of alerts-service on metric-changes, as the gateway's
 * {@code GET /api/v1/status} reports them; the seconds it took (a latency measured before would time the backlog).
 */
final class CaughtUp implements Scenario {
    static final Map<String, String> GROUPS = Map.of("metrics-service", "patent-events", "alerts-service", "metric-changes");
    private static final long TIMEOUT_MILLIS = 300_000;

    @Override
    public void run(BenchRun run) throws Exception {
        long t0 = System.currentTimeMillis();
        boolean caughtUp = false;
        while (System.currentTimeMillis() - t0 < TIMEOUT_MILLIS) {
            try {
                if (noLag(run.call("GET", "/api/v1/status", run.platform().adminKey(), null, 200))) {
                    caughtUp = true;
                    break;
                }
            } catch (IllegalStateException e) {
                // a busy platform may answer 503: look again
            }
            Thread.sleep(500);
        }
        var r = new LinkedHashMap<String, Object>();
        r.put("seconds", StartupGoal.seconds(System.currentTimeMillis() - t0));
        r.put("caughtUp", caughtUp);
        run.put("caughtUp", r);
        log("backlogs worked off: %s", r);
    }

    /** Whether the status shows each group of {@link #GROUPS} with no lag on its topic. */
    static boolean noLag(JsonNode status) {
        int seen = 0;
        for (JsonNode g : status.path("consumerGroups")) {
            String topic = GROUPS.get(g.path("group").asText());
            if (topic == null) continue;
            if (g.path("lagByTopic").path(topic).asLong(-1) != 0) return false;
            seen++;
        }
        return seen == GROUPS.size();
    }
}
