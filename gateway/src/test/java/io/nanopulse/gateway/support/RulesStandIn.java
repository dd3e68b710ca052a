package io.nanopulse.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.trust.GatewayProof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * alerts-service's subscriber API as the rules page sees it, for one principal: two subscribers, two rules, a
 * silence, deliveries (paged by page/size, {@link #extraDeliveries} more on demand), a backtest with two firing periods
 * and one measured point per date from..to by its step; creates and updates rules, refuses a THRESHOLD rule whose
 * recoveryThreshold is on the wrong side of its threshold (with alerts' message, naming the field), rotates secrets
 * and records every request it answers. A backtest of a rule named "slow…" is held until {@link #releaseSlow()}. Installed on {@link FakeServices#alerts}; other principals get the stand-in's
 * ordinary empty page, so other tests see no difference.
 */
public final class RulesStandIn {
    public static final String POLICY = "6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    public static final String OPS = "7a2b3c4d-5e6f-4a7b-9c8d-1e2f3a4b5c6d";
    public static final String CN_RULE = "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a";
    public static final String COMPARE_RULE = "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b";
    public static final String FAILED_DELIVERY = "3f4a5b6c-7d8e-4f9a-0b1c-2d3e4f5a6b7c";
    public static final String EMAIL_DELIVERY = "4a5b6c7d-8e9f-4a0b-1c2d-3e4f5a6b7c8d";
    public static final String SILENCE = "5b6c7d8e-9f0a-4b1c-2d3e-4f5a6b7c8d9e";
    /** The backtest's firing periods: the page marks them as bands over the yearly history. */
    public static final String FIRING = "[{\"from\":\"2019-03-01\",\"to\":\"2021-06-01\"},{\"from\":\"2024-02-01\",\"to\":null}]";
    static final String EMPTY_PAGE = "{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request this stand-in answered for its principal. */
    public record Call(String method, String path, JsonNode body) {
    }

    private final String principal;
    private final ArrayNode rules;
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<String> secrets = new CopyOnWriteArrayList<>();
    /** Failed deliveries of POLICY beyond the two fixed ones. */
    public volatile int extraDeliveries;
    /** Backtests of "slow…" rules held so far. */
    public final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch slow = new CountDownLatch(1);

    public RulesStandIn(String principal) {
        this.principal = principal;
        this.rules = (ArrayNode) parse("[" + rule(CN_RULE, "CN share above 40%", "FIRING", "2026-11-30T08:00:00Z",
                "\"kind\":\"THRESHOLD\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"condition\":\"ABOVE\","
                        + "\"threshold\":0.4,\"recoveryThreshold\":0.38") + ","
                + rule(COMPARE_RULE, "CN ahead of US", "OK", "2026-11-02T09:30:00Z",
                "\"kind\":\"COMPARE\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"CN\"},\"other\":{\"kind\":\"COUNTRY\","
                        + "\"key\":\"US\"},\"condition\":\"ABOVE\",\"margin\":0.01") + "]");
    }

    static String rule(String id, String name, String state, String since, String kindFields) {
        return "{\"id\":\"" + id + "\",\"subscriberId\":\"" + POLICY + "\",\"name\":\"" + name + "\",\"metric\":\"share\","
                + "\"window\":\"P12M\",\"pendingFor\":\"PT0S\",\"repeatInterval\":\"PT24H\",\"labels\":{\"team\":\"policy\"},"
                + "\"revision\":1,\"state\":\"" + state + "\",\"stateSince\":\"" + since + "\",\"createdAt\":\"2026-10-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-10-01T00:00:00Z\"," + kindFields + "}";
    }

    /** Answers the subscriber API on {@code alerts} (replacing what answered those paths before). */
    public RulesStandIn install(FakeService alerts) {
        for (String prefix : List.of("/subscribers", "/subscribers/" + POLICY, "/subscribers/" + OPS, "/rules", "/silences",
                "/deliveries")) {
            alerts.routeRequest(prefix, this::answer);
        }
        return this;
    }

    /** The requests of this method whose path starts with the prefix, oldest first. */
    public List<Call> calls(String method, String pathPrefix) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
    }

    /** Lets the held backtests of "slow…" rules answer. */
    public void releaseSlow() {
        slow.countDown();
    }

    FakeService.Answer answer(HttpStub.Request request) {
        if (!GatewayProof.proven(request).principal().equals(principal)) {
            return FakeService.Answer.json(EMPTY_PAGE);
        }
        JsonNode body = request.body().length == 0 ? null : parse(request.text());
        if (request.path().equals("/rules/backtest") && body.path("rule").path("name").asText().startsWith("slow")) {
            held.incrementAndGet();
            try {
                if (!slow.await(30, TimeUnit.SECONDS)) {
                    return new FakeService.Answer(504, "application/json", "{}");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer(request, body);
    }

    synchronized FakeService.Answer answer(HttpStub.Request request, JsonNode body) {
        String method = request.method(), path = request.path();
        calls.add(new Call(method, path, body));
        if (method.equals("GET") && path.equals("/subscribers")) {
            return page(subscriber(POLICY, "policy team", "https://hooks.example.org/np", "team@example.org", null) + ","
                    + subscriber(OPS, "ops", null, null, null));
        }
        if (method.equals("POST") && path.endsWith("/rotate-secret")) {
            String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
            secrets.add(secret);
            return FakeService.Answer.json(subscriber(POLICY, "policy team", "https://hooks.example.org/np", "team@example.org",
                    secret));
        }
        if (method.equals("POST") && path.endsWith("/email-confirmation")) {
            return new FakeService.Answer(202, "application/json", "{}");
        }
        if (method.equals("GET") && path.equals("/subscribers/" + POLICY + "/deliveries")) {
            List<String> all = new ArrayList<>(List.of(delivery(FAILED_DELIVERY, "FAILED", 5, "connect timed out", "WEBHOOK"),
                    delivery(EMAIL_DELIVERY, "DELIVERED", 1, null, "EMAIL")));
            for (int i = 0; i < extraDeliveries; i++) {
                all.add(delivery(String.format("%08d-0000-4000-8000-000000000000", i), "FAILED", 1, "HTTP 500", "WEBHOOK"));
            }
            Map<String, String> q = query(request.query());
            int number = Integer.parseInt(q.getOrDefault("page", "0")), size = Integer.parseInt(q.getOrDefault("size", "50"));
            List<String> slice = all.subList(Math.min(all.size(), number * size), Math.min(all.size(), (number + 1) * size));
            return FakeService.Answer.json("{\"items\":[" + String.join(",", slice) + "],\"page\":" + number + ",\"size\":" + size
                    + ",\"totalItems\":" + all.size() + "}");
        }
        if (method.equals("GET") && path.startsWith("/subscribers/")) {
            return page("");
        }
        if (method.equals("POST") && path.startsWith("/deliveries/") && path.endsWith("/redeliver")) {
            String id = path.substring("/deliveries/".length(), path.length() - "/redeliver".length());
            return new FakeService.Answer(202, "application/json", delivery(id, "PENDING", 0, null, "WEBHOOK"));
        }
        if (method.equals("GET") && path.equals("/silences")) {
            return page("{\"id\":\"" + SILENCE + "\",\"ruleId\":\"" + CN_RULE + "\",\"subscriberId\":\"" + POLICY + "\","
                    + "\"startsAt\":\"2026-12-01T00:00:00Z\",\"endsAt\":\"2026-12-24T00:00:00Z\",\"comment\":\"year-end freeze\","
                    + "\"active\":true,\"createdAt\":\"2026-11-30T12:00:00Z\"}");
        }
        if (method.equals("POST") && path.equals("/rules/backtest")) {
            return FakeService.Answer.json("{\"step\":\"" + body.path("step").asText() + "\",\"from\":\"" + body.path("from").asText()
                    + "\",\"to\":\"" + body.path("to").asText() + "\",\"points\":" + backtestPoints(body) + ",\"transitions\":[],"
                    + "\"firing\":" + FIRING + ",\"state\":\"FIRING\"}");
        }
        if (method.equals("GET") && path.equals("/rules")) {
            return page(rules.toString().substring(1, rules.toString().length() - 1));
        }
        if (method.equals("GET") && path.endsWith("/state")) {
            return FakeService.Answer.json("{\"ruleId\":\"" + CN_RULE + "\",\"state\":\"FIRING\",\"since\":\"2026-11-30T08:00:00Z\","
                    + "\"lastValue\":0.43,\"transitionCount\":1,\"recentTransitions\":[]}");
        }
        if (method.equals("POST") && path.equals("/rules") || method.equals("PUT") && path.startsWith("/rules/")) {
            return save(method, path, (ObjectNode) body);
        }
        return FakeService.Answer.json(EMPTY_PAGE);
    }

    /** What the backtest measured as of each date from..to by step: a position for RANK, else a small number. */
    public static List<Double> measured(String kind, int count) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(kind.equals("RANK") ? 1.0 + i % 5 : (i % 7 - 3) / 100.0);
        }
        return values;
    }

    static String backtestPoints(JsonNode body) {
        LocalDate from = LocalDate.parse(body.path("from").asText()), to = LocalDate.parse(body.path("to").asText());
        boolean days = body.path("step").asText().equals("DAY");
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = days ? d.plusDays(1) : d.plusMonths(1)) {
            dates.add(d);
        }
        List<Double> values = measured(body.path("rule").path("kind").asText("THRESHOLD"), dates.size());
        List<String> points = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            points.add("{\"asOf\":\"" + dates.get(i) + "\",\"value\":" + values.get(i) + ",\"state\":\"OK\"}");
        }
        return "[" + String.join(",", points) + "]";
    }

    static Map<String, String> query(String query) {
        Map<String, String> q = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** alerts' RuleValidator reason for an ABOVE rule whose recoveryThreshold exceeds its threshold. */
    public static String recoveryAboveThreshold(double threshold) {
        return "must be at or below threshold " + threshold + " for an ABOVE rule (it resolves when the value falls below it)";
    }

    FakeService.Answer save(String method, String path, ObjectNode body) {
        if (body.has("threshold") && body.has("recoveryThreshold") && "ABOVE".equals(body.path("condition").asText())
                && body.get("recoveryThreshold").asDouble() > body.get("threshold").asDouble()) {
            String reason = recoveryAboveThreshold(body.get("threshold").asDouble());
            return new FakeService.Answer(400, "application/problem+json", "{\"type\":\"https://nanopulse.io/problems/invalid-request\","
                    + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"recoveryThreshold: " + reason
                    + "\",\"errors\":[{\"field\":\"recoveryThreshold\",\"reason\":\"" + reason + "\"}]}");
        }
        String id = method.equals("POST") ? UUID.randomUUID().toString() : path.substring("/rules/".length());
        ObjectNode rule = body.deepCopy();
        rule.put("id", id).put("state", "OK").put("stateSince", "2026-12-06T00:00:00Z").put("revision", 1);
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).path("id").asText().equals(id)) {
                rules.remove(i);
                break;
            }
        }
        rules.add(rule);
        return new FakeService.Answer(method.equals("POST") ? 201 : 200, "application/json", rule.toString());
    }

    static String subscriber(String id, String name, String webhook, String email, String secret) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\""
                + (webhook == null ? "" : ",\"webhook\":{\"url\":\"" + webhook + "\",\"status\":\"ENABLED\"}")
                + ",\"streamUrl\":\"http://127.0.0.1:8080/api/v1/subscribers/" + id + "/stream\""
                + (email == null ? "" : ",\"email\":\"" + email + "\",\"emailConfirmed\":false")
                + (secret == null ? "" : ",\"secret\":\"" + secret + "\"")
                + ",\"createdAt\":\"2026-10-01T00:00:00Z\",\"updatedAt\":\"2026-10-01T00:00:00Z\"}";
    }

    static String delivery(String id, String status, int attempts, String lastError, String channel) {
        return "{\"id\":\"" + id + "\",\"webhookId\":\"msg_" + id.substring(0, 8) + "\",\"ruleId\":\"" + CN_RULE + "\","
                + "\"eventType\":\"io.nanopulse.alert.firing\",\"status\":\"" + status + "\",\"attempts\":" + attempts
                + ",\"lastError\":" + (lastError == null ? "null" : "\"" + lastError + "\"") + ",\"channel\":\"" + channel + "\","
                + "\"createdAt\":\"2026-11-30T08:00:01Z\",\"attemptLog\":[]}";
    }

    static FakeService.Answer page(String items) {
        return FakeService.Answer.json("{\"items\":[" + items + "],\"page\":0,\"size\":50,\"totalItems\":"
                + parse("[" + items + "]").size() + "}");
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
