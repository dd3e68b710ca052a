package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.loadgen.LoadGen;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.infra.Ports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Alert latency ({@code alertLatency}): from ingest's acknowledgement of an event to the webhook that event
 * fires arriving at a subscriber's receiver (a testkit {@link HttpStub} on 127.0.0.1), under 1,000 events/s
 * of background load through the gateway. 100 samples, so that p99 is not simply the slowest one (reported
 * as max).
 */
final class AlertLatency implements Scenario {
    static final int SAMPLES = 100;
    static final int BACKGROUND_EVENTS_PER_SECOND = 1000;

    @Override
    public void run(BenchRun run) throws Exception {
        var received = new ConcurrentHashMap<String, Long>();
        try (var receiver = new HttpStub(Ports.free()).route("/hook", request -> {
            JsonNode body = Json.mapper().readTree(request.body());
            if ("FIRING".equals(body.path("data").path("transition").path("to").asText())) {
                received.putIfAbsent(body.path("data").path("rule").path("name").asText(), request.receivedNanos());
            }
            return HttpStub.Reply.empty(204);
        }).start()) {
            String alertsKey = run.issueKey("bench-alerts", List.of("alerts", "ingest", "read"));
            String loadKey = run.issueKey("bench-load", List.of("ingest", "read"));
            JsonNode sub = run.call("POST", "/api/v1/subscribers", alertsKey,
                    Map.of("name", "bench", "webhookUrl", receiver.url("/hook")), 201);
            String subscriber = sub.path("id").asText();
            // Rule i fires when New Zealand (absent from the corpus) has more than i filings: each new NZ
            // filing fires exactly one rule.
            for (int i = 0; i < SAMPLES; i++) {
                var rule = new LinkedHashMap<String, Object>();
                rule.put("subscriberId", subscriber);
                rule.put("name", "nz-" + i);
                rule.put("subject", Map.of("kind", "COUNTRY", "key", "NZ"));
                rule.put("metric", "filings");
                rule.put("window", "ALL");
                rule.put("condition", "ABOVE");
                rule.put("threshold", i + 0.5);
                run.call("POST", "/api/v1/rules", alertsKey, rule, 201);
            }
            log("alert latency: %d samples under %,d events/s of background load", SAMPLES, BACKGROUND_EVENTS_PER_SECOND);
            var background = new Thread(() -> {
                try {
                    LoadGen.sendCorpus(run.platform().gatewayUrl(), loadKey, 7, 0.05, BACKGROUND_EVENTS_PER_SECOND);
                } catch (Exception e) {
                    log("background load stopped: %s", e.getMessage());
                }
            }, "background-load");
            background.setDaemon(true);
            background.start();
            Thread.sleep(5000);
            var latencies = new ArrayList<Double>();
            for (int i = 0; i < SAMPLES; i++) {
                ObjectNode e = Json.mapper().createObjectNode().put("type", "PATENT_FILED").put("eventId", "nz-" + i)
                        .put("patentId", "NZ" + (500000 + i) + "A").put("country", "NZ").put("institution", "Bench Lab")
                        .put("sector", "MATERIALS").put("filingDate", "2024-06-01");
                run.call("POST", "/api/v1/events", alertsKey, e, 202);
                long acked = System.nanoTime();
                String rule = "nz-" + i;
                long deadline = acked + 30_000_000_000L;
                while (!received.containsKey(rule) && System.nanoTime() < deadline) Thread.sleep(1);
                if (received.containsKey(rule)) latencies.add((received.get(rule) - acked) / 1e6);
                Thread.sleep(250);
            }
            latencies.sort(Double::compare);
            var r = new LinkedHashMap<String, Object>();
            r.put("samples", latencies.size());
            r.put("missing", SAMPLES - latencies.size());
            r.put("p50Millis", Percentiles.of(latencies, 0.50));
            r.put("p99Millis", Percentiles.of(latencies, 0.99));
            r.put("maxMillis", latencies.isEmpty() ? null : latencies.get(latencies.size() - 1));
            r.put("backgroundEventsPerSecond", BACKGROUND_EVENTS_PER_SECOND);
            run.put("alertLatency", r);
            log("alert latency: %s", r);
        }
    }
}
