package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Three ready-made rules on the corpus's own headlines: China's share above that of the US, Japan and Korea
 * together (a COMPARE rule against the shared group {@value #GROUP}), the Chinese Academy of Sciences first
 * among holders (a RANK rule) and China's licensing rate above 8% (a threshold rule). The demo creates them
 * under a key of its own, waits until each has been evaluated, reports their states and removes them again.
 */
final class HeadlineRules {
    static final String GROUP = "us-jp-kr";
    static final List<String> GROUP_MEMBERS = List.of("US", "JP", "KR");
    /** The state reported for a rule whose evaluation did not settle within the wait. */
    static final String NOT_EVALUATED = "NOT_EVALUATED";

    private HeadlineRules() {
    }

    /** The three rule bodies, for a subscriber. */
    static List<Map<String, Object>> bodies(String subscriberId) {
        var compare = new LinkedHashMap<String, Object>();
        compare.put("subscriberId", subscriberId);
        compare.put("name", "China ahead of the US, Japan and Korea together");
        compare.put("kind", "COMPARE");
        compare.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        compare.put("other", Map.of("kind", "GROUP", "key", GROUP));
        compare.put("metric", "share");
        compare.put("window", "ALL");
        compare.put("condition", "ABOVE");
        compare.put("margin", 0.01);

        var rank = new LinkedHashMap<String, Object>();
        rank.put("subscriberId", subscriberId);
        rank.put("name", "CAS is the top holder");
        rank.put("kind", "RANK");
        rank.put("subject", Map.of("kind", "INSTITUTION", "key", "cas"));
        rank.put("rankingKind", "INSTITUTION");
        rank.put("metric", "filings");
        rank.put("window", "ALL");
        rank.put("condition", "IN_TOP");
        rank.put("top", 1);

        var licensing = new LinkedHashMap<String, Object>();
        licensing.put("subscriberId", subscriberId);
        licensing.put("name", "China's licensing rate above 8%");
        licensing.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        licensing.put("metric", "licensingRate");
        licensing.put("window", "ALL");
        licensing.put("condition", "ABOVE");
        licensing.put("threshold", 0.08);
        return List.of(compare, rank, licensing);
    }

    /**
     * Makes sure the shared group holds exactly US, JP and KR (admin key): creates it, or sets its members; a private
     * group of that name stops the demo with the reason.
     */
    static void ensureGroup(Gateway admin) throws Exception {
        var body = Map.of("name", GROUP, "memberKind", "COUNTRY", "members", GROUP_MEMBERS, "shared", true);
        Gateway.Answer found = admin.request("GET", "/api/v1/groups/" + GROUP, null, 200, 404);
        if (found.status() == 404) {
            admin.request("POST", "/api/v1/groups", body, 201, 409);
            return;
        }
        if (!found.body().path("shared").asBoolean()) {
            throw new IllegalStateException("the group " + GROUP + " exists but is private to its owner; rules watch shared"
                    + " groups only (an admin may delete it: DELETE /api/v1/groups/" + GROUP + ", then run the demo again)");
        }
        Set<String> members = new TreeSet<>();
        found.body().path("members").forEach(m -> members.add(m.asText()));
        if (!members.equals(new TreeSet<>(GROUP_MEMBERS)) || !"COUNTRY".equals(found.body().path("memberKind").asText())) {
            admin.request("PUT", "/api/v1/groups/" + GROUP, Map.of("memberKind", "COUNTRY", "members", GROUP_MEMBERS), 200);
        }
    }

    /**
     * The state a rule's state document (GET /api/v1/rules/{id}/state) settled on, or empty while it has not: the rule
     * was not evaluated yet, waits in PENDING, or is a COMPARE rule whose evaluation lacked one side (an evaluation
     * without one side decides nothing). State and evaluation come from the one document, so a rule evaluated
     * between two reads is never reported with the state it had before.
     */
    static Optional<String> settled(String kind, JsonNode state) {
        JsonNode evaluated = state.path("lastEvaluatedAt");
        String name = state.path("state").asText("");
        if (evaluated.isNull() || evaluated.isMissingNode() || name.isEmpty() || "PENDING".equals(name)) {
            return Optional.empty();
        }
        JsonNode m = state.path("measurement");
        if ("COMPARE".equals(kind) && !(m.path("value").isNumber() && m.path("otherValue").isNumber())) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * Creates the three rules for a stream-only subscriber of {@code alerts} (a key with role alerts), waits up to
     * {@code timeoutSeconds} until each has been evaluated and returns name, kind and state of each ({@value
     * #NOT_EVALUATED} for one that had not settled by then: never a state from before its evaluation); removes the
     * subscriber (and with it the rules) before returning.
     */
    static List<Map<String, Object>> check(Gateway alerts, long timeoutSeconds, PrintStream log) throws Exception {
        String subscriber = alerts.request("POST", "/api/v1/subscribers", Map.of("name", "nanopulse demo headlines"), 201)
                .body().path("id").asText();
        try {
            var created = new LinkedHashMap<String, Map<String, Object>>();
            for (Map<String, Object> rule : bodies(subscriber)) {
                created.put(alerts.request("POST", "/api/v1/rules", rule, 201).body().path("id").asText(), rule);
            }
            log.println("waiting for the three headline rules to be evaluated...");
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            var out = new ArrayList<Map<String, Object>>();
            for (var rule : created.entrySet()) {
                String kind = String.valueOf(rule.getValue().getOrDefault("kind", "THRESHOLD"));
                Optional<String> settled;
                while ((settled = settled(kind, alerts.request("GET", "/api/v1/rules/" + rule.getKey() + "/state", null, 200)
                        .body())).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                var r = new LinkedHashMap<String, Object>();
                r.put("name", rule.getValue().get("name"));
                r.put("kind", kind);
                r.put("state", settled.orElse(NOT_EVALUATED)); // the deadline passed first
                out.add(r);
            }
            return out;
        } finally {
            alerts.request("DELETE", "/api/v1/subscribers/" + subscriber, null, 204, 404);
        }
    }
}
