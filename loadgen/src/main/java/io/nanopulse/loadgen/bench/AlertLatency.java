package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.loadgen.LoadGen;
import io.nanopulse.loadgen.bench.trace.AlertHops;
import io.nanopulse.loadgen.bench.trace.SpanCollector;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.infra.Ports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static io.nanopulse.loadgen.bench.BenchRun.log;

/**
 * Alert latency ({@code alertLatency}): from ingest's acknowledgement of an event to the webhook that event
 * fires arriving at a subscriber's receiver (a testkit {@link HttpStub} on 127.0.0.1), under a background load
 * through the gateway (1,000 events/s by default).
 *
 * <p>Sample {@code i} files one patent in New Zealand (absent from the corpus) in a city of its own, and rule
 * {@code i} fires when that city has a filing: each sample fires exactly its own rule, whichever order or
 * metrics batch the samples land in, and a metric change moves only the rules of the samples it carries. The
 * samples are sent one every {@value #INTERVAL_MILLIS} ms without waiting for their webhooks.
 *
 * <p>With a {@link SpanCollector} (the services export their spans to it), each sample is sent in a trace the
 * services record, and the report breaks every sample's latency into the hops of {@link AlertHops} (p50, p99,
 * max of each) and lists the slowest samples hop by hop, so an outlier names its hop.
 *
 * <p>With {@code warmUp} &gt; 0 (the goals benchmark: 200) it measures warm code, like any JVM benchmark: the warm-up
 * samples go first, the same way, and are reported apart ({@code warmUp}: the first alerts a started service sends,
 * through code it has not run before).
 */
final class AlertLatency implements Scenario {
    static final int SAMPLES = 100;
    static final int BACKGROUND_EVENTS_PER_SECOND = 1000;
    static final long INTERVAL_MILLIS = 100;
    private static final int SLOWEST = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int samples;
    private final int warmUp;
    private final int backgroundEventsPerSecond;
    private SpanCollector spans;

    AlertLatency() {
        this(SAMPLES, 0, BACKGROUND_EVENTS_PER_SECOND);
    }

    /** {@code samples} measured after {@code warmUp} samples reported apart, under a background load. */
    AlertLatency(int samples, int warmUp, int backgroundEventsPerSecond) {
        this.samples = samples;
        this.warmUp = warmUp;
        this.backgroundEventsPerSecond = backgroundEventsPerSecond;
    }

    /** The collector the platform's services export spans to (else the run's; none: no hop breakdown). */
    AlertLatency withSpans(SpanCollector spans) {
        this.spans = spans;
        return this;
    }

    /** What the receiver saw of one sample's webhook. */
    private record Received(long nanos, long epochNanos, String traceparent) {
    }

    @Override
    public void run(BenchRun run) throws Exception {
        SpanCollector spans = this.spans != null ? this.spans : run.spans();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var received = new ConcurrentHashMap<String, Received>();
        try (var receiver = new HttpStub(Ports.free()).route("/hook", request -> {
            JsonNode body = Json.mapper().readTree(request.body());
            if ("FIRING".equals(body.path("data").path("transition").path("to").asText())) {
                long epoch = request.at().getEpochSecond() * 1_000_000_000L + request.at().getNano();
                received.putIfAbsent(body.path("data").path("rule").path("name").asText(),
                        new Received(request.receivedNanos(), epoch, request.header("traceparent")));
            }
            return HttpStub.Reply.empty(204);
        }).start()) {
            String alertsKey = run.issueKey("bench-alerts-" + tag, List.of("alerts", "ingest", "read"));
            String loadKey = run.issueKey("bench-load-" + tag, List.of("ingest", "read"));
            JsonNode sub = run.call("POST", "/api/v1/subscribers", alertsKey,
                    Map.of("name", "bench-" + tag, "webhookUrl", receiver.url("/hook")), 201);
            createRules(run, alertsKey, sub.path("id").asText(), tag);

            int total = warmUp + samples;
            log("alert latency: %d samples after %d warm-up samples, one every %d ms, under %,d events/s of background load%s",
                    samples, warmUp, INTERVAL_MILLIS, backgroundEventsPerSecond, spans == null ? "" : " (traced)");
            // Enough corpus for the warm-up, the samples and the wait for the last webhooks; stopped at the end.
            double seconds = 5 + total * INTERVAL_MILLIS / 1000.0 + 40;
            double scale = Math.max(0.01, seconds * backgroundEventsPerSecond / 1_240_000.0);
            var background = new Thread(() -> {
                try {
                    LoadGen.sendCorpus(run.platform().gatewayUrl(), loadKey, 7, scale, backgroundEventsPerSecond);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    log("background load stopped: %s", e.getMessage());
                }
            }, "background-load");
            background.setDaemon(true);
            if (backgroundEventsPerSecond > 0) {
                background.start();
            }
            Thread.sleep(5000);

            var acked = new AtomicLongArray(total); // 0 until the sample's 202
            String[] traces = new String[total];
            var failures = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "alert-latency-sample");
                t.setDaemon(true);
                return t;
            });
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * INTERVAL_MILLIS * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                int n = i;
                traces[n] = spans == null ? null : SpanCollector.sampledTraceId();
                senders.execute(() -> {
                    try {
                        acked.set(n, send(run, alertsKey, tag, n, traces[n]));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        log("alert latency: sample %d not sent: %s", n, e.getMessage());
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
            // The samples acknowledged by now; one still being sent counts as missing.
            long[] ackedAt = new long[total];
            int sent = 0;
            for (int i = 0; i < total; i++) {
                ackedAt[i] = acked.get(i);
                if (ackedAt[i] != 0) sent++;
            }
            if (sent + failures.get() < total) {
                log("alert latency: %d sample(s) still unanswered after 60 s, counted as missing", total - sent - failures.get());
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (received.size() < sent && System.nanoTime() < deadline) Thread.sleep(10);
            background.interrupt();
            if (spans != null) Thread.sleep(2000); // the last spans are exported within a few 100 ms batches

            var warmUpLatencies = new ArrayList<Double>();
            var latencies = new ArrayList<Double>();
            var perSample = new ArrayList<Map<String, Object>>();
            var hopValues = new LinkedHashMap<String, List<Double>>();
            AlertHops.NAMES.forEach(h -> hopValues.put(h, new ArrayList<>()));
            for (int i = 0; i < total; i++) {
                Received r = received.get(ruleName(tag, i));
                if (r == null || ackedAt[i] == 0) continue;
                double millis = (r.nanos() - ackedAt[i]) / 1e6;
                if (i < warmUp) {
                    warmUpLatencies.add(millis);
                    continue;
                }
                latencies.add(millis);
                var s = new LinkedHashMap<String, Object>();
                s.put("sample", i - warmUp); // its place among the measured ones
                s.put("totalMillis", Math.round(millis * 10) / 10.0);
                if (spans != null) {
                    Map<String, Double> hops = AlertHops.of(spans, traces[i], r.traceparent(), r.epochNanos());
                    hops.forEach((h, v) -> hopValues.get(h).add(v));
                    s.put("hops", hops);
                }
                perSample.add(s);
            }
            var r = summary(latencies, samples);
            r.put("backgroundEventsPerSecond", backgroundEventsPerSecond);
            if (warmUp > 0) {
                r.put("warmUp", summary(warmUpLatencies, warmUp));
            }
            var hops = new LinkedHashMap<String, Object>();
            if (spans != null) {
                hopValues.forEach((h, values) -> {
                    if (values.isEmpty()) return;
                    values.sort(Double::compare);
                    var m = new LinkedHashMap<String, Object>();
                    m.put("p50Millis", Percentiles.of(values, 0.50));
                    m.put("p99Millis", Percentiles.of(values, 0.99));
                    m.put("maxMillis", values.get(values.size() - 1));
                    m.put("samples", values.size());
                    hops.put(h, m);
                });
            }
            r.put("hops", hops);
            perSample.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("totalMillis")).reversed());
            r.put("slowest", List.copyOf(perSample.subList(0, Math.min(SLOWEST, perSample.size()))));
            run.put("alertLatency", r);
            log("alert latency: %s", r);
        }
    }

    /** Count, missing, p50, p99 and max of some samples' latencies ({@code planned} of them sent). */
    private static Map<String, Object> summary(List<Double> latencies, int planned) {
        var sorted = new ArrayList<>(latencies);
        sorted.sort(Double::compare);
        var m = new LinkedHashMap<String, Object>();
        m.put("samples", sorted.size());
        m.put("missing", planned - sorted.size());
        m.put("p50Millis", Percentiles.of(sorted, 0.50));
        m.put("p99Millis", Percentiles.of(sorted, 0.99));
        m.put("maxMillis", sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
        return m;
    }

    private static String ruleName(String tag, int i) {
        return "lat-" + tag + "-" + i;
    }

    private static String city(String tag, int i) {
        return "bench-" + tag + "-" + i;
    }

    /** One rule per sample (warm-up ones too), each on the sample's own city; waits until alerts-service evaluated them all once. */
    private void createRules(BenchRun run, String key, String subscriber, String tag) throws Exception {
        var ids = new String[warmUp + samples];
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < ids.length; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    var rule = new LinkedHashMap<String, Object>();
                    rule.put("subscriberId", subscriber);
                    rule.put("name", ruleName(tag, n));
                    rule.put("subject", Map.of("kind", "CITY", "key", "NZ/" + city(tag, n)));
                    rule.put("metric", "filings");
                    rule.put("window", "ALL");
                    rule.put("condition", "ABOVE");
                    rule.put("threshold", 0.5);
                    ids[n] = run.call("POST", "/api/v1/rules", key, rule, 201).path("id").asText();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (failure.get() != null) throw failure.get();
        // A new rule is evaluated once in the background, one after another: wait for those, off the samples' time.
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (String id : ids) {
            while (run.call("GET", "/api/v1/rules/" + id + "/state", key, null, 200).path("lastEvaluatedAt").isNull()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    /** Sends sample {@code i} (in trace {@code traceId} when traced); returns System.nanoTime() at its 202. */
    private static long send(BenchRun run, String key, String tag, int i, String traceId) throws Exception {
        ObjectNode e = Json.mapper().createObjectNode().put("type", "PATENT_FILED").put("eventId", "lat-" + tag + "-" + i)
                .put("patentId", "NZ" + tag.toUpperCase(java.util.Locale.ROOT) + (10000 + i))
                .put("country", "NZ").put("institution", "Bench Lab").put("city", city(tag, i))
                .put("sector", "MATERIALS").put("filingDate", "2024-06-01");
        var b = HttpRequest.newBuilder(URI.create(run.platform().gatewayUrl() + "/api/v1/events")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(e)));
        if (traceId != null) b.header("traceparent", SpanCollector.traceparent(traceId));
        var response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        long acked = System.nanoTime();
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/events answered " + response.statusCode() + ": " + response.body());
        }
        return acked;
    }
}
