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
    private static final Map<String, Double> VALUES = new ConcurrentHashMap<>();
    private static final HttpStub SERVER = new HttpStub().route(BATCH, MetricsStub::batch);

    /** Sets the value of {@code metric} (share, licensingRate, filings, grants) for a subject and window. */
    public static void set(String kind, String key, String window, String metric, double value) {
        VALUES.put(kind + "|" + key + "|" + window + "|" + metric, value);
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
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (JsonNode q : queries) {
            results.add(figures(q.get("kind").asText(), q.get("key").asText(), q.get("window").asText()));
        }
        return HttpStub.Reply.json(JSON.writeValueAsString(body));
    }

    private static ObjectNode figures(String kind, String key, String window) {
        String prefix = kind + "|" + key + "|" + window + "|";
        ObjectNode f = JSON.createObjectNode();
        f.putObject("subject").put("kind", kind).put("key", key).put("name", key);
        f.putObject("window").put("spec", window);
        f.put("filings", VALUES.getOrDefault(prefix + "filings", 0.0).longValue());
        f.put("grants", VALUES.getOrDefault(prefix + "grants", 0.0).longValue());
        f.put("licensed", 0);
        ratio(f.putObject("share"), VALUES.get(prefix + "share"));
        ratio(f.putObject("licensingRate"), VALUES.get(prefix + "licensingRate"));
        return f;
    }

    private static void ratio(ObjectNode r, Double value) {
        r.put("numerator", 0).put("denominator", value == null ? 0 : 1_000_000);
        if (value == null) {
            r.putNull("value");
        } else {
            r.put("value", value);
        }
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM.
    }
}
