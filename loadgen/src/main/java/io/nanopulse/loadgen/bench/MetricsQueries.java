package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.testkit.platform.ServiceProcess;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Ranking and subject queries straight at metrics-service (no gateway) on the replayed corpus:
 * {@code metricsQueryLatency}, hey at 2,000 requests/s for each query, with the number of patents they ran on;
 * {@code metricsQueryLatencyUncached}, the same queries one at a time, each with an asOf not asked before, so
 * no answer comes from a cache: what a query costs right after a change (p50/p99 over 100 different days).
 */
final class MetricsQueries implements Scenario {
    private static final List<String> QUERIES = List.of("/metrics/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10",
            "/metrics/rankings?kind=INSTITUTION&metric=filings&window=ALL&limit=10",
            "/metrics/figures?kind=COUNTRY&key=CN&window=P12M&asOf=2024-06-30");
    private static final List<String> UNCACHED = List.of("/metrics/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10",
            "/metrics/rankings?kind=INSTITUTION&metric=filings&window=ALL&limit=10",
            "/metrics/rankings?kind=INSTITUTION&metric=filings&window=P12M&limit=10",
            "/metrics/figures?kind=COUNTRY&key=CN&window=P12M");

    @Override
    public void run(BenchRun run) throws Exception {
        var metrics = run.platform().service("metrics-service");
        var proof = MetricsProgress.proof(run.platform());
        String base = metrics.url();
        var r = new LinkedHashMap<String, Object>();
        r.put("patents", new MetricsProgress(metrics, proof).read().path("patents").asLong());
        for (String query : QUERIES) {
            // One proof for the whole 20 s run: it is valid for 30 s, for this query only.
            r.put(query, atRate(base + query, proof.sign(MetricsProgress.BENCH, "GET", query), 2000));
        }
        run.put("metricsQueryLatency", r);
        log("metrics query latency: %s", r);
        run.put("metricsQueryLatencyUncached", uncached(metrics, proof));
        log("metrics query latency, every answer computed afresh: %s", run.results().get("metricsQueryLatencyUncached"));
    }

    /** hey at a fixed total rate (8 workers) for 20 s: requests/s, p50, p99 (ms) and non-200 answers. */
    private static Map<String, Object> atRate(String url, Map<String, String> headers, int rate) throws Exception {
        Hey.Result result = Hey.await(Hey.start(url, headers, 8, rate / 8));
        var r = new LinkedHashMap<String, Object>();
        r.put("requestsPerSecond", result.requestsPerSecond() == null ? null : Math.round(result.requestsPerSecond()));
        r.put("p50Millis", Hey.tenths(result.p50Millis()));
        r.put("p99Millis", Hey.tenths(result.p99Millis()));
        r.put("non200", result.non200());
        return r;
    }

    private static Map<String, Object> uncached(ServiceProcess metrics, IdentityProof proof) throws Exception {
        var http = HttpClient.newHttpClient();
        var r = new LinkedHashMap<String, Object>();
        for (String query : UNCACHED) {
            var millis = new ArrayList<Double>();
            for (int i = 0; i < 100; i++) {
                String target = query + "&asOf=" + LocalDate.of(2024, 12, 31).minusDays(i + 1);
                var request = MetricsProgress.request(metrics, proof, "GET", target).build();
                long t0 = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) throw new IllegalStateException(target + " answered " + response.statusCode());
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(millis);
            var q = new LinkedHashMap<String, Object>();
            q.put("p50Millis", Percentiles.of(millis, 0.50));
            q.put("p99Millis", Percentiles.of(millis, 0.99));
            r.put(query, q);
        }
        return r;
    }
}
