package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Gateway query latency ({@code gatewayLatency}): each query through the gateway at 2,000 requests/s for 20 s
 * (hey), from two read keys at 1,000 requests/s each (within each key's read limit). Reports the total
 * requests/s, the higher p50 and p99 of the two runs, and the answers other than 200. hey takes headers only on its
 * command line, so each read key is issued for its run and revoked as soon as the run ends.
 */
final class GatewayLatency implements Scenario {
    private static final List<String> QUERIES = List.of("/api/v1/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10",
            "/api/v1/figures?kind=COUNTRY&key=CN&window=P12M");

    @Override
    public void run(BenchRun run) throws Exception {
        var r = new LinkedHashMap<String, Object>();
        for (String query : QUERIES) {
            var procs = new ArrayList<Process>();
            var keyIds = new ArrayList<String>();
            for (int k = 0; k < 2; k++) {
                JsonNode issued = run.call("POST", "/api/v1/admin/keys", run.platform().adminKey(),
                        Map.of("principal", "bench-read-" + k + "-" + Math.abs(query.hashCode()), "roles", List.of("read")), 201);
                keyIds.add(issued.path("apiKey").path("id").asText());
                procs.add(Hey.start(run.platform().gatewayUrl() + query, issued.path("key").asText(), 4, 250));
            }
            double rps = 0;
            double p50 = -1;
            double p99 = -1;
            int errors = 0;
            for (Process proc : procs) {
                Hey.Result result = Hey.await(proc);
                p50 = Math.max(p50, result.p50Millis());
                p99 = Math.max(p99, result.p99Millis());
                if (result.requestsPerSecond() != null) rps += result.requestsPerSecond();
                errors += result.non200();
            }
            for (String id : keyIds) {
                run.call("DELETE", "/api/v1/admin/keys/" + id, run.platform().adminKey(), null, 204);
            }
            var q = new LinkedHashMap<String, Object>();
            q.put("requestsPerSecond", Math.round(rps));
            q.put("p50Millis", Hey.tenths(p50));
            q.put("p99Millis", Hey.tenths(p99));
            q.put("non200", errors);
            r.put(query, q);
        }
        run.put("gatewayLatency", r);
        log("gateway latency: %s", r);
    }
}
