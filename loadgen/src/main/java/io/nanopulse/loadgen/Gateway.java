package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The few gateway calls the load generator makes besides sending events. */
final class Gateway {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    Gateway(String base, String apiKey) {
        this.base = base.replaceAll("/$", "");
        this.apiKey = apiKey;
    }

    JsonNode figures(String kind, String key, String window) throws Exception {
        String q = "kind=" + enc(kind) + "&key=" + enc(key) + "&window=" + enc(window);
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/figures?" + q)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET figures " + q + " answered " + r.statusCode() + ": " + r.body());
        return Json.mapper().readTree(r.body());
    }

    /** Creates an institution with its aliases; an existing one (409) is left as it is. */
    int createInstitution(Map<String, Object> body) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/institutions")).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("POST institutions answered " + r.statusCode() + ": " + r.body());
        }
        return r.statusCode();
    }

    /** Creates an API key (admin only) and returns it; it is shown this once. */
    String issueKey(String principal, java.util.List<String> roles) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/keys")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(
                        Map.of("principal", principal, "roles", roles, "description", "loadgen demo")))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("POST admin/keys answered " + r.statusCode() + ": " + r.body());
        return Json.mapper().readTree(r.body()).path("key").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
