package io.nanopulse.alerts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.InvalidProofException;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * metrics-service's POST /metrics/figures/batch on the testkit's {@link HttpStub}, in the metrics-service
 * format, with values the test sets (the real metrics-service is exercised by the cross-service ITs). Unknown
 * subjects answer zeros, ratios null (no data), as metrics-service does. A call without a valid identity proof
 * (testkit's test key) is refused with 401, as metrics-service does.
 */
public class MetricsStub implements QuarkusTestResourceLifecycleManager {
    private static final String BATCH = "/metrics/figures/batch";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANKINGS = "/metrics/rankings";
    private static final Map<String, Double> VALUES = new ConcurrentHashMap<>();
    private static final Map<String, List<Map.Entry<String, Double>>> RANKED = new ConcurrentHashMap<>();
    private static final Map<String, Composition> COMPOSED = new ConcurrentHashMap<>();

    /** A subject's figures made of members: {@code members} maps a member key to {filings, grants, licensed}. */
    public record Composition(String memberKind, long globalFilings, Map<String, long[]> members) {
        public Composition {
            members = Map.copyOf(members);
        }
    }

    /**
     * The figures of a subject and window (every date) as the sums of its members' counts, as metrics-service makes
     * them: share = filings / globalFilings, licensing rate = licensed / filings; the members are answered as
     * {@code contributions} when a query asks for the breakdown. Replaces what {@link #set} gave for the subject.
     */
    public static void compose(String kind, String key, String window, Composition composition) {
        COMPOSED.put(kind + "|" + key + "|" + window, composition);
    }
    private static final HttpStub SERVER = new HttpStub().route(BATCH, MetricsStub::batch).route(RANKINGS, MetricsStub::rankings);

    /** Sets the value of {@code metric} (share, licensingRate, filings, grants) for a subject and window. */
    public static void set(String kind, String key, String window, String metric, double value) {
        VALUES.put(kind + "|" + key + "|" + window + "|" + metric, value);
    }

    /**
     * The value of {@code metric} for a subject and window as of one date (null: no data, a ratio's denominator 0);
     * other dates keep what {@link #set} gave.
     */
    public static void setAt(String kind, String key, String window, String metric, LocalDate asOf, Double value) {
        VALUES.put(kind + "|" + key + "|" + window + "|" + metric + "@" + asOf, value == null ? Double.NaN : value);
    }

    /**
     * The ranking of {@code kind} by {@code metric} over {@code window} as of {@code asOf} (null: any date without a
     * ranking of its own), best first: subject keys and their values. Unknown rankings have no entries.
     */
    public static void ranking(String kind, String metric, String window, LocalDate asOf, List<Map.Entry<String, Double>> entries) {
        RANKED.put(kind + "|" + metric + "|" + window + "|" + (asOf == null ? "" : asOf), List.copyOf(entries));
    }

    private static volatile String heldWindow;
    private static volatile java.util.concurrent.CountDownLatch release;
    private static final java.util.concurrent.atomic.AtomicInteger HELD = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Ranking calls for {@code window} wait (at most 10 s) until {@code until} is counted down; null ends holding.
     * {@link #held()} counts the calls that waited.
     */
    public static void holdRankings(String window, java.util.concurrent.CountDownLatch until) {
        heldWindow = window;
        release = until;
    }

    public static int held() {
        return HELD.get();
    }

    private static final java.util.Set<String> UNKNOWN = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger BATCHES_REFUSED = new java.util.concurrent.atomic.AtomicInteger();

    /** A subject metrics-service does not know (a deleted group): a batch naming it answers 404, as metrics-service does. */
    public static void unknown(String kind, String key) {
        UNKNOWN.add(kind + "|" + key);
    }

    /** Batch calls answered 404 because they named an {@linkplain #unknown unknown} subject. */
    public static int batchesRefused() {
        return BATCHES_REFUSED.get();
    }

    /** While down, every call answers 503. */
    public static void down(boolean isDown) {
        if (isDown) {
            SERVER.down();
        } else {
            SERVER.up();
        }
    }

    /** Batch calls received, those answered 503 included. */
    public static int calls() {
        return SERVER.requests(BATCH).size();
    }

    @Override
    public synchronized Map<String, String> start() {
        SERVER.start();
        return Map.of("quarkus.rest-client.metrics.url", SERVER.url());
    }

    private static volatile ForwardedIdentity lastCaller;

    /** The identity the last proven batch call was made for. */
    public static ForwardedIdentity lastCaller() {
        return lastCaller;
    }

    private static HttpStub.Reply batch(HttpStub.Request request) throws Exception {
        try {
            lastCaller = GatewayProof.proven(request);
        } catch (InvalidProofException e) {
            return HttpStub.Reply.of(401, "application/problem+json", "{\"status\":401}");
        }
        JsonNode queries = JSON.readTree(request.body()).get("queries");
        for (JsonNode q : queries) {
            if (UNKNOWN.contains(q.get("kind").asText() + "|" + q.get("key").asText())) {
                BATCHES_REFUSED.incrementAndGet();
                return HttpStub.Reply.of(404, "application/problem+json", "{\"status\":404}");
            }
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (JsonNode q : queries) {
            Composition composed = COMPOSED.get(q.get("kind").asText() + "|" + q.get("key").asText() + "|" + q.get("window").asText());
            results.add(composed != null ? composed(q, composed) : figures(q.get("kind").asText(), q.get("key").asText(),
                    q.get("window").asText(), q.hasNonNull("asOf") ? q.get("asOf").asText() : null));
        }
        return HttpStub.Reply.json(JSON.writeValueAsString(body));
    }

    private static ObjectNode composed(JsonNode q, Composition c) {
        String kind = q.get("kind").asText();
        String key = q.get("key").asText();
        long f = 0, g = 0, l = 0;
        for (long[] m : c.members().values()) {
            f += m[0];
            g += m[1];
            l += m[2];
        }
        ObjectNode out = JSON.createObjectNode();
        out.putObject("subject").put("kind", kind).put("key", key).put("name", key);
        out.putObject("window").put("spec", q.get("window").asText());
        out.put("filings", f).put("grants", g).put("licensed", l);
        exact(out.putObject("share"), f, c.globalFilings());
        exact(out.putObject("licensingRate"), l, f);
        if (q.path("breakdown").asBoolean(false)) {
            ArrayNode members = out.putArray("contributions");
            c.members().forEach((k, m) -> members.addObject().put("kind", c.memberKind()).put("key", k)
                    .put("filings", m[0]).put("grants", m[1]).put("licensed", m[2]));
        }
        return out;
    }

    private static void exact(ObjectNode r, long numerator, long denominator) {
        r.put("numerator", numerator).put("denominator", denominator);
        if (denominator == 0) {
            r.putNull("value");
        } else {
            r.put("value", new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator), 10,
                    java.math.RoundingMode.HALF_EVEN));
        }
    }

    private static ObjectNode figures(String kind, String key, String window, String asOf) {
        String prefix = kind + "|" + key + "|" + window + "|";
        ObjectNode f = JSON.createObjectNode();
        f.putObject("subject").put("kind", kind).put("key", key).put("name", key);
        f.putObject("window").put("spec", window);
        f.put("filings", value(prefix + "filings", asOf, 0.0).longValue());
        f.put("grants", value(prefix + "grants", asOf, 0.0).longValue());
        f.put("licensed", 0);
        ratio(f.putObject("share"), value(prefix + "share", asOf, null));
        ratio(f.putObject("licensingRate"), value(prefix + "licensingRate", asOf, null));
        return f;
    }

    /** The value set for {@code asOf}, else the one set for every date, else {@code fallback} (also for "no data"). */
    private static Double value(String name, String asOf, Double fallback) {
        Double dated = asOf == null ? null : VALUES.get(name + "@" + asOf);
        if (dated != null) {
            return dated.isNaN() ? fallback : dated;
        }
        return VALUES.getOrDefault(name, fallback);
    }

    private static HttpStub.Reply rankings(HttpStub.Request request) throws Exception {
        try {
            lastCaller = GatewayProof.proven(request);
        } catch (InvalidProofException e) {
            return HttpStub.Reply.of(401, "application/problem+json", "{\"status\":401}");
        }
        Map<String, String> q = params(request.query());
        String kind = q.getOrDefault("kind", "COUNTRY");
        String metric = q.getOrDefault("metric", "filings");
        String window = q.getOrDefault("window", "ALL");
        String asOf = q.get("asOf");
        java.util.concurrent.CountDownLatch until = release;
        if (until != null && window.equals(heldWindow)) {
            HELD.incrementAndGet();
            until.await(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        List<Map.Entry<String, Double>> entries = RANKED.get(kind + "|" + metric + "|" + window + "|" + (asOf == null ? "" : asOf));
        if (entries == null) {
            entries = RANKED.getOrDefault(kind + "|" + metric + "|" + window + "|", List.of());
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", kind).put("metric", io.nanopulse.contracts.api.Metric.parse(metric).name()).put("globalFilings", 0);
        body.putObject("window").put("spec", window);
        if (asOf != null) {
            body.put("asOf", asOf);
        }
        ArrayNode out = body.putArray("entries");
        for (Map.Entry<String, Double> e : entries.subList(0, Math.min(limit, entries.size()))) {
            ObjectNode f = out.addObject();
            f.putObject("subject").put("kind", kind).put("key", e.getKey()).put("name", e.getKey());
            f.putObject("window").put("spec", window);
            boolean ratio = io.nanopulse.contracts.api.Metric.parse(metric).isRatio();
            f.put("filings", ratio ? 0 : e.getValue().longValue());
            f.put("grants", metric.equals("grants") ? e.getValue().longValue() : 0);
            f.put("licensed", 0);
            ratio(f.putObject("share"), metric.equals("share") ? e.getValue() : null);
            ratio(f.putObject("licensingRate"), metric.equals("licensingRate") ? e.getValue() : null);
        }
        return HttpStub.Reply.json(JSON.writeValueAsString(body));
    }

    private static void ratio(ObjectNode r, Double value) {
        r.put("numerator", 0).put("denominator", value == null ? 0 : 1_000_000);
        if (value == null) {
            r.putNull("value");
        } else {
            r.put("value", value);
        }
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM.
    }
}
