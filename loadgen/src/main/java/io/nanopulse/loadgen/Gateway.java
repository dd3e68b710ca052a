package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway calls the command line makes besides sending events. A refusal of what the user gave (400)
 * throws {@link IllegalArgumentException} with the problem's words; any other failure {@link IllegalStateException}.
 */
final class Gateway {
    private static final int MAX_RATE_LIMIT_RETRIES = 5;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    Gateway(String base, String apiKey) {
        this.base = base.replaceAll("/$", "");
        this.apiKey = apiKey;
    }

    String base() {
        return base;
    }

    JsonNode figures(String kind, String key, String window) throws Exception {
        return figures(kind, key, window, null);
    }

    JsonNode figures(String kind, String key, String window, String asOf) throws Exception {
        String q = "kind=" + enc(kind) + "&key=" + enc(key) + "&window=" + enc(window) + (asOf == null ? "" : "&asOf=" + enc(asOf));
        return call("GET", "/api/v1/figures?" + q, null, 200);
    }

    /** Figures of many subjects in one call (at most 1000), uncached, in the order asked. */
    List<JsonNode> figures(List<FigureKey> keys) throws Exception {
        var out = new ArrayList<JsonNode>(keys.size());
        for (int from = 0; from < keys.size(); from += 1000) {
            var queries = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> Map.of("kind", k.kind(), "key", k.key(), "window", k.window())).toList();
            call("POST", "/api/v1/figures/batch", Map.of("queries", queries), 200).path("results").forEach(out::add);
        }
        return out;
    }

    /** The first {@code limit} subjects of a kind by a metric. */
    JsonNode ranking(String kind, String metric, String window, int limit) throws Exception {
        return call("GET", "/api/v1/rankings?kind=" + enc(kind) + "&metric=" + enc(metric) + "&window=" + enc(window) + "&limit=" + limit,
                null, 200);
    }

    /**
     * Records of {@code topic} the consumer group has not yet applied, from {@code GET /api/v1/status}; -1 when the
     * status does not tell.
     */
    long consumerLag(String group, String topic) throws Exception {
        for (JsonNode g : call("GET", "/api/v1/status", null, 200).path("consumerGroups")) {
            if (g.path("group").asText().equals(group)) return g.path("lagByTopic").path(topic).asLong(-1);
        }
        return -1;
    }

    /** Creates an institution with its aliases; true if created, false if it exists already (409). */
    boolean createInstitution(Map<String, Object> body) throws Exception {
        return send("POST", "/api/v1/institutions", body, Duration.ofMinutes(2), 201, 409).statusCode() == 201;
    }

    /** Adds an alias to an institution; false if the alias exists already (409, its own or another's). */
    boolean addAlias(String institution, String pattern) throws Exception {
        return send("POST", "/api/v1/institutions/" + enc(institution) + "/aliases", Map.of("pattern", pattern),
                Duration.ofMinutes(2), 200, 201, 409).statusCode() != 409;
    }

    /** Creates an API key (admin only) and returns the answer: {@code key} (shown this once) and {@code apiKey}. */
    JsonNode createKey(String principal, List<String> roles, String description) throws Exception {
        return call("POST", "/api/v1/admin/keys", Map.of("principal", principal, "roles", roles, "description", description), 201);
    }

    /** Creates an API key (admin only) and returns it. */
    String issueKey(String principal, List<String> roles) throws Exception {
        return createKey(principal, roles, "loadgen demo").path("key").asText();
    }

    /** Revokes an API key (admin only). */
    void revokeKey(long id) throws Exception {
        send("DELETE", "/api/v1/admin/keys/" + id, null, Duration.ofSeconds(30), 204);
    }

    /** A status and its body (an empty object when there is none). */
    record Answer(int status, JsonNode body) {
    }

    /** Any call; fails unless the status is one of {@code expected}. */
    Answer request(String method, String pathAndQuery, Object body, int... expected) throws Exception {
        HttpResponse<String> r = send(method, pathAndQuery, body, Duration.ofSeconds(30), expected);
        return new Answer(r.statusCode(), r.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(r.body()));
    }

    private JsonNode call(String method, String pathAndQuery, Object body, int expected) throws Exception {
        return Json.mapper().readTree(send(method, pathAndQuery, body, Duration.ofSeconds(30), expected).body());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, Object body, Duration timeout, int... expected)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
        }
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // The key's rate limit: wait as told and ask again, a few times.
            for (int retry = 0; r.statusCode() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                Thread.sleep(Math.min(10, Math.max(1, RetryAfter.seconds(r))) * 1000L);
                r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot connect to the gateway at " + base + " (is Nanopulse running? deploy/run.sh starts it)");
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + ": no answer from " + base + " within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + pathAndQuery + " failed: " + e.getMessage());
        }
        for (int status : expected) {
            if (r.statusCode() == status) return r;
        }
        String what = method + " " + pathAndQuery.replaceAll("\\?.*", "") + " answered " + r.statusCode() + ": " + problem(r.body());
        if (r.statusCode() == 400) throw new IllegalArgumentException(what);
        if (r.statusCode() == 503) throw new Unavailable(what);
        throw new IllegalStateException(what);
    }

    /** A 503: the gateway or a service behind it cannot answer now (busy, restarting); asking again later may work. */
    static final class Unavailable extends IllegalStateException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The problem's title, detail and field errors on one line (or the body itself, shortened). */
    static String problem(String body) {
        try {
            JsonNode p = Json.mapper().readTree(body);
            var sb = new StringBuilder(p.path("title").asText(""));
            if (p.hasNonNull("detail")) sb.append(sb.length() > 0 ? ": " : "").append(p.path("detail").asText());
            for (JsonNode e : p.path("errors")) {
                sb.append("; ").append(e.path("field").asText()).append(' ').append(e.path("reason").asText());
            }
            if (sb.length() > 0) return sb.toString();
        } catch (IOException | RuntimeException e) {
            // not a problem document
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
