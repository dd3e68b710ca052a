package io.nanopulse.loadgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.loadgen.RetryAfter;
import io.nanopulse.loadgen.bench.trace.SpanCollector;
import io.nanopulse.testkit.platform.LocalPlatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every scenario works with: the started platform, the results so far (in the order they were put, the
 * order of results.json), where to write, the corpus scale, the Kafka tools, and the gateway calls the
 * scenarios make besides their measurements.
 */
final class BenchRun {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalPlatform platform;
    private final Path out;
    private final KafkaTools tools;
    private final double scale;
    private final boolean warm;
    private final SpanCollector spans;
    private final Map<String, Object> results = new LinkedHashMap<>();

    BenchRun(LocalPlatform platform, Path out, KafkaTools tools, double scale, boolean warm) {
        this(platform, out, tools, scale, warm, null);
    }

    /** {@code spans}: the collector the platform's services export their spans to, or null. */
    BenchRun(LocalPlatform platform, Path out, KafkaTools tools, double scale, boolean warm, SpanCollector spans) {
        this.platform = platform;
        this.out = out;
        this.tools = tools;
        this.scale = scale;
        this.warm = warm;
        this.spans = spans;
    }

    static void log(String fmt, Object... args) {
        System.err.printf("[bench] " + fmt + "%n", args);
    }

    LocalPlatform platform() {
        return platform;
    }

    /** deploy/bench/out: expected-*.json and the background load's record go there. */
    Path out() {
        return out;
    }

    KafkaTools tools() {
        return tools;
    }

    /** The collector the services export their spans to; null when they export none (the full benchmark). */
    SpanCollector spans() {
        return spans;
    }

    /** The demo corpus's scale (1.0: the full corpus). */
    double scale() {
        return scale;
    }

    /** Whether the replay runs on a warmed-up platform (false: right after start-up, {@code --cold}). */
    boolean warm() {
        return warm;
    }

    Map<String, Object> results() {
        return results;
    }

    void put(String key, Object value) {
        results.put(key, value);
    }

    /** A figure an earlier scenario put under {@code section}, or null. */
    Object figure(String section, String name) {
        return results.get(section) instanceof Map<?, ?> m ? m.get(name) : null;
    }

    /**
     * A call through the gateway with {@code key}; a 429 (the gateway's rate limit) is retried after its
     * Retry-After, up to ten times. Fails unless the answer is {@code expect}; returns the JSON body or null.
     */
    JsonNode call(String method, String path, String key, Object body, int expect) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int tries = 0; r.statusCode() == 429 && tries < 10; tries++) {
            Thread.sleep(1000L * Math.min(RetryAfter.seconds(r), 30));
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != expect) throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    }

    /** A new API key with these roles, issued with the admin key. */
    String issueKey(String principal, List<String> roles) throws Exception {
        return call("POST", "/api/v1/admin/keys", platform.adminKey(), Map.of("principal", principal, "roles", roles), 201)
                .path("key").asText();
    }

    /**
     * Collects this JVM's garbage (the corpus just generated and sent) before a timed window, so the load
     * generator's collector does not run inside it on the cores the platform is measured on.
     */
    static void quiet() {
        System.gc();
    }
}
