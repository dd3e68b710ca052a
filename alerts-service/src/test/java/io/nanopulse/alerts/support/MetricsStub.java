package io.nanopulse.alerts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server answering POST /metrics/figures/batch in the metrics-service format, with values
 * the test sets (the real metrics-service is exercised by the cross-service ITs). Unknown subjects
 * answer zeros, ratios null (no data), as metrics-service does.
 */
public class MetricsStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Double> VALUES = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer server;

    /** Sets the value of {@code metric} (share, licensingRate, filings, grants) for a subject and window. */
    public static void set(String kind, String key, String window, String metric, double value) {
        VALUES.put(kind + "|" + key + "|" + window + "|" + metric, value);
    }

    /** While down, every call answers 503. */
    public static void down(boolean isDown) {
        down = isDown;
    }

    public static int calls() {
        return CALLS.get();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/metrics/figures/batch", exchange -> {
                CALLS.incrementAndGet();
                byte[] out;
                int status;
                try (exchange) {
                    JsonNode request = JSON.readTree(exchange.getRequestBody());
                    if (down) {
                        status = 503;
                        out = "{\"title\":\"down\"}".getBytes();
                    } else {
                        status = 200;
                        ObjectNode body = JSON.createObjectNode();
                        ArrayNode results = body.putArray("results");
                        for (JsonNode q : request.get("queries")) {
                            results.add(figures(q.get("kind").asText(), q.get("key").asText(), q.get("window").asText()));
                        }
                        out = JSON.writeValueAsBytes(body);
                    }
                    exchange.getResponseHeaders().add("content-type", "application/json");
                    exchange.sendResponseHeaders(status, out.length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            });
            server.start();
        }
        return Map.of("quarkus.rest-client.metrics.url", "http://127.0.0.1:" + server.getAddress().getPort());
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
