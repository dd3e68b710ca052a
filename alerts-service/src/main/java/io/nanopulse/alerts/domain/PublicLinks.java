package io.nanopulse.alerts.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Links into the public API that notifications and answers carry, under {@code baseUrl} (the gateway's API
 * root, nanopulse.alerts.public-base-url, e.g. {@code https://nanopulse.example.org/api/v1}). The paths are
 * the gateway's public ones, not this service's.
 */
public record PublicLinks(String baseUrl) {

    /** Doubled slashes in the path (a public URL given with a trailing slash, then /api/v1) and a trailing one go. */
    public PublicLinks {
        baseUrl = baseUrl.replaceAll("(?<!:)/{2,}", "/");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String rule(UUID ruleId) {
        return baseUrl + "/rules/" + ruleId;
    }

    public String ruleState(UUID ruleId) {
        return rule(ruleId) + "/state";
    }

    /** GET /figures of a subject over a window; no key for GLOBAL. */
    public String figures(String kind, String key, String window) {
        return baseUrl + "/figures?kind=" + encode(kind) + (key == null || key.isEmpty() ? "" : "&key=" + encode(key))
                + "&window=" + encode(window);
    }

    /** GET /rankings of a kind by a metric over a window. */
    public String ranking(String kind, String metric, String window) {
        return baseUrl + "/rankings?kind=" + encode(kind) + "&metric=" + encode(metric) + "&window=" + encode(window);
    }

    /** The gateway's root: the API root without its trailing /api/v1. */
    public String root() {
        return baseUrl.endsWith("/api/v1") ? baseUrl.substring(0, baseUrl.length() - "/api/v1".length()) : baseUrl;
    }

    /** The gateway's rules page. */
    public String rulesPage() {
        return root() + "/rules";
    }

    /** The gateway's rules page showing one rule. */
    public String rulesPage(String ruleId) {
        return rulesPage() + "?rule=" + encode(ruleId);
    }

    /**
     * The gateway's page that confirms an e-mail address with {@code token}, carried in the fragment so it never
     * reaches a server's access log nor a Referer.
     */
    public String confirmEmail(String token) {
        return root() + "/confirm-email#token=" + encode(token);
    }

    /** The subscriber's live SSE stream. */
    public String stream(UUID subscriberId) {
        return baseUrl + "/subscribers/" + subscriberId + "/stream";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
