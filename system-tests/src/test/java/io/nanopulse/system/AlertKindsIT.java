package io.nanopulse.system;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule kinds beyond thresholds on the real pipeline (gateway → ingest → Kafka → metrics → PostgreSQL →
 * metric-changes → alerts → webhook), each on a history this test sends: a CHANGE rule fires on a two-point move
 * and not on a smaller one; a COMPARE rule on CN against the group {@code us-jp-kr} fires, holds within its margin
 * and resolves past it, and its notification names the top contributors as recomputed here from the figures API;
 * RANK rules fire when a new first overtakes the old one; the backtest of the COMPARE rule matches a day-by-day
 * recomputation from figures as of each day. Alerts-service evaluates only on metric-changes here (no periodic
 * pass), so every transition has a cause this test made.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertKindsIT {
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static LocalPlatform platform;
    static HttpStub receiver;
    /** Every notification received, in arrival order. */
    static final ConcurrentLinkedQueue<JsonPath> received = new ConcurrentLinkedQueue<>();
    static final AtomicInteger eventIds = new AtomicInteger();
    static String key;
    static String subscriber;

    @BeforeAll
    static void start() throws Exception {
        receiver = new HttpStub().route("/hook", request -> {
            received.add(JsonPath.from(request.text()));
            return HttpStub.Reply.empty(204);
        }).start();
        platform = new LocalPlatform(Platforms.withLocalWebhooks("kinds"));
        platform.start();
        key = Platforms.issueKey(platform, "kinds-app", List.of("ingest", "read", "alerts"));
        subscriber = api().body(Map.of("name", "kinds", "webhookUrl", "http://127.0.0.1:" + receiver.port() + "/hook"))
                .post("/api/v1/subscribers").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        if (receiver != null) receiver.close();
    }

    @Test
    @Order(1)
    void aChangeRuleFiresOnATwoPointMoveAndNotOnASmallerOne() {
        // A year ago and now: SE holds 10 of 100 filings of the 12-month window (10%).
        LocalDate earlier = TODAY.minusMonths(15);
        LocalDate recent = TODAY.minusMonths(3);
        var events = new ArrayList<Map<String, Object>>();
        for (LocalDate day : List.of(earlier, recent)) {
            events.addAll(filings("SE", "Se Nano Lab", "MATERIALS", day, 10));
            for (int i = 0; i < 90; i++) events.addAll(filings("FI", "Fi Filler " + i, "ENERGY", day, 1));
        }
        send(events);
        awaitFigure("COUNTRY", "SE", "P12M", null, "filings", 10);
        awaitFigure("COUNTRY", "SE", "P12M", TODAY.minusYears(1), "filings", 10);

        String rule = createRule(rule("se-moved-two-points", "CHANGE", Map.of(
                "subject", Map.of("kind", "COUNTRY", "key", "SE"), "metric", "share", "window", "P12M",
                "lookback", "P1Y", "direction", "EITHER", "amount", 0.02)));
        awaitMeasured(rule, "change", shareChange("SE"));
        assertEquals("OK", state(rule).getString("state"));

        // 11 of 101: the share moved by less than one point; the rule is evaluated on it and stays OK.
        send(filings("SE", "Se Nano Lab", "MATERIALS", recent, 1));
        awaitFigure("COUNTRY", "SE", "P12M", null, "filings", 11);
        awaitMeasured(rule, "change", shareChange("SE"));
        assertTrue(Math.abs(shareChange("SE")) < 0.02);
        assertEquals("OK", state(rule).getString("state"));
        assertTrue(notifications(rule).isEmpty(), "no notification for a smaller move");

        // 13 of 103: more than two points up.
        send(filings("SE", "Se Nano Lab", "MATERIALS", recent, 2));
        awaitFigure("COUNTRY", "SE", "P12M", null, "filings", 13);
        assertTrue(shareChange("SE") >= 0.02);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(rule).size() == 1);
        assertEquals("FIRING", notifications(rule).get(0).getString("data.transition.to"));
        assertEquals("FIRING", state(rule).getString("state"));
    }

    @Test
    @Order(2)
    void aCompareRuleOnChinaAgainstUsJpKrFiresHoldsWithinItsMarginAndResolves() {
        given().baseUri(platform.gatewayUrl()).auth().oauth2(platform.adminKey()).contentType(ContentType.JSON)
                .body(Map.of("name", "us-jp-kr", "memberKind", "COUNTRY", "members", List.of("US", "JP", "KR"), "shared", true))
                .post("/api/v1/groups").then().statusCode(201);
        var events = new ArrayList<Map<String, Object>>();
        events.addAll(filings("US", "Us Nano Corp", "SEMICONDUCTORS", TODAY.minusDays(30), 4));
        events.addAll(filings("JP", "Jp Nano Inc", "MATERIALS", TODAY.minusDays(30), 3));
        events.addAll(filings("KR", "Kr Nano Co", "ENERGY", TODAY.minusDays(30), 3));
        events.addAll(filings("CN", "Cn Institute A", "MATERIALS", TODAY.minusDays(20), 6));
        events.addAll(filings("CN", "Cn Institute B", "ENERGY", TODAY.minusDays(20), 4));
        send(events);
        awaitFigure("GROUP", "us-jp-kr", "ALL", null, "filings", 10);
        awaitFigure("COUNTRY", "CN", "ALL", null, "filings", 10);

        String rule = createRule(rule("cn-ahead-of-us-jp-kr", "COMPARE", Map.of(
                "subject", Map.of("kind", "COUNTRY", "key", "CN"), "other", Map.of("kind", "GROUP", "key", "us-jp-kr"),
                "metric", "filings", "window", "ALL", "condition", "ABOVE", "margin", 3)));
        awaitMeasured(rule, "value", 10.0);
        awaitMeasured(rule, "otherValue", 10.0);
        assertEquals("OK", state(rule).getString("state"), "10 is not above 10");

        // One batch moves CN to 16 across three sectors; the notification explains the move by them.
        Map<String, Long> before = sectors("CN");
        var step = new ArrayList<Map<String, Object>>();
        step.addAll(filings("CN", "Cn Institute A", "MATERIALS", TODAY.minusDays(10), 3));
        step.addAll(filings("CN", "Cn Institute B", "SEMICONDUCTORS", TODAY.minusDays(10), 2));
        step.addAll(filings("CN", "Cn Institute C", "ENERGY", TODAY.minusDays(10), 1));
        sendAsOneBatch(step);
        awaitFigure("COUNTRY", "CN", "ALL", null, "filings", 16);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(rule).size() == 1);
        JsonPath firing = notifications(rule).get(0);
        assertEquals("FIRING", firing.getString("data.transition.to"));
        Map<String, Long> after = sectors("CN");
        List<String> expected = topThree(before, after);
        List<Map<String, Object>> contributors = firing.getList("data.explanation.contributors");
        assertNotNull(contributors, "the notification explains itself: " + firing.prettify());
        assertEquals(expected, contributors.stream().map(c -> String.valueOf(c.get("key"))).toList(), firing.prettify());
        for (Map<String, Object> c : contributors) {
            String sector = String.valueOf(c.get("key"));
            assertEquals(after.getOrDefault(sector, 0L) - before.getOrDefault(sector, 0L), ((Number) c.get("change")).longValue(), sector);
        }
        assertEquals(16.0, firing.getDouble("data.explanation.value"), 1e-9);
        assertEquals(10.0, firing.getDouble("data.explanation.previousValue"), 1e-9);

        // The group gains 6 (16 vs 16): within the margin of 3 the rule keeps firing.
        send(filings("US", "Us Nano Corp", "SEMICONDUCTORS", TODAY.minusDays(5), 6));
        awaitFigure("GROUP", "us-jp-kr", "ALL", null, "filings", 16);
        awaitMeasured(rule, "otherValue", 16.0);
        assertEquals("FIRING", state(rule).getString("state"));
        assertEquals(1, notifications(rule).size());

        // 4 more (group 20): CN 16 < 20 - 3, past the margin, resolves.
        send(filings("JP", "Jp Nano Inc", "MATERIALS", TODAY.minusDays(5), 4));
        awaitFigure("GROUP", "us-jp-kr", "ALL", null, "filings", 20);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(rule).size() == 2);
        assertEquals("OK", notifications(rule).get(1).getString("data.transition.to"));
    }

    @Test
    @Order(3)
    void theBacktestOfTheCompareRuleMatchesTheFiguresOfEachDay() {
        LocalDate from = TODAY.minusDays(35);
        LocalDate to = TODAY.minusDays(1);
        var body = new LinkedHashMap<String, Object>(rule("backtest", "COMPARE", Map.of(
                "subject", Map.of("kind", "COUNTRY", "key", "CN"), "other", Map.of("kind", "GROUP", "key", "us-jp-kr"),
                "metric", "filings", "window", "ALL", "condition", "ABOVE", "margin", 3)));
        body.remove("subscriberId");
        JsonPath backtest = api().body(Map.of("rule", body, "from", from.toString(), "to", to.toString(), "step", "DAY"))
                .post("/api/v1/rules/backtest").then().statusCode(200).extract().jsonPath();

        // Recomputed here: figures as of each day, fire when CN > group, resolve when CN < group - 3.
        var expected = new ArrayList<String>();
        boolean firing = false;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long cn = figure("COUNTRY", "CN", "ALL", d).getLong("filings");
            long group = figure("GROUP", "us-jp-kr", "ALL", d).getLong("filings");
            if (!firing && cn > group) {
                firing = true;
                expected.add(d + " FIRING");
            } else if (firing && cn < group - 3) {
                firing = false;
                expected.add(d + " OK");
            }
        }
        assertFalse(expected.isEmpty(), "the history has a crossing");
        List<Map<String, Object>> transitions = backtest.getList("transitions");
        assertEquals(expected, transitions.stream().map(t -> String.valueOf(t.get("at")).substring(0, 10) + " " + t.get("to")).toList(), backtest.prettify());
    }

    @Test
    @Order(4)
    void rankRulesFireWhenANewFirstOvertakesTheOldOne() {
        var events = new ArrayList<Map<String, Object>>();
        events.addAll(filings("DE", "Alpha Nano Lab", "MATERIALS", TODAY.minusDays(40), 30));
        events.addAll(filings("DE", "Beta Nano Works", "MATERIALS", TODAY.minusDays(40), 25));
        send(events);
        awaitFigure("INSTITUTION", "beta nano works", "ALL", null, "filings", 25);
        JsonPath top = given().baseUri(platform.gatewayUrl()).auth().oauth2(key)
                .queryParam("kind", "INSTITUTION").queryParam("metric", "filings").queryParam("window", "ALL").queryParam("limit", 1)
                .get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
        assertEquals("alpha nano lab", top.getString("entries[0].subject.key"));

        String leader = createRule(rule("whoever-is-first", "RANK", Map.of(
                "rankingKind", "INSTITUTION", "metric", "filings", "window", "ALL")));
        String beta = createRule(rule("beta-first", "RANK", Map.of(
                "subject", Map.of("kind", "INSTITUTION", "key", "Beta Nano Works"), "rankingKind", "INSTITUTION",
                "metric", "filings", "window", "ALL", "condition", "IN_TOP", "top", 1)));
        awaitEvaluated(leader);
        awaitEvaluated(beta);
        assertEquals("OK", state(leader).getString("state"));
        assertEquals("OK", state(beta).getString("state"));

        send(filings("DE", "Beta Nano Works", "MATERIALS", TODAY.minusDays(2), 6));
        awaitFigure("INSTITUTION", "beta nano works", "ALL", null, "filings", 31);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(leader).size() == 1 && notifications(beta).size() == 1);
        JsonPath handover = notifications(leader).get(0);
        assertEquals("FIRING", handover.getString("data.transition.to"));
        assertEquals("beta nano works", handover.getString("data.measurement.leader"));
        assertEquals("alpha nano lab", handover.getString("data.measurement.previousLeader"));
        assertEquals("FIRING", notifications(beta).get(0).getString("data.transition.to"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static RequestSpecification api() {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON);
    }

    private static Map<String, Object> rule(String name, String kind, Map<String, Object> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("subscriberId", subscriber);
        body.put("name", name);
        body.put("kind", kind);
        body.putAll(fields);
        return body;
    }

    private static String createRule(Map<String, Object> body) {
        return api().body(body).post("/api/v1/rules").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static JsonPath state(String rule) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(key).get("/api/v1/rules/" + rule + "/state")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the rule has been evaluated once. */
    private static void awaitEvaluated(String rule) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(rule).getString("lastEvaluatedAt") != null);
    }

    /** Waits until the rule's last evaluation read {@code expected} as its measurement's {@code field}. */
    private static void awaitMeasured(String rule, String field, double expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                state(rule).get("measurement." + field) instanceof Number n && Math.abs(n.doubleValue() - expected) < 1e-9);
    }

    private static List<JsonPath> notifications(String rule) {
        return received.stream().filter(n -> rule.equals(n.getString("data.rule.id"))).toList();
    }

    private static List<Map<String, Object>> filings(String country, String institution, String sector, LocalDate day, int n) {
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < n; i++) {
            int id = eventIds.incrementAndGet();
            out.add(Map.of("type", "PATENT_FILED", "eventId", "kinds-" + id, "patentId", country + "2026" + String.format("%06d", id) + "A",
                    "country", country, "institution", institution, "sector", sector, "filingDate", day.toString()));
        }
        return out;
    }

    private static void send(List<Map<String, Object>> events) {
        api().body(events).post("/api/v1/events").then().statusCode(202).body("accepted", org.hamcrest.Matchers.equalTo(events.size()));
    }

    /** Sends with metrics-service's consumption paused, so the events are applied in one batch on resume. */
    private static void sendAsOneBatch(List<Map<String, Object>> events) {
        RequestSpecification admin = given().filter(GatewayProof.as(platform.signingKeyFile(), ForwardedIdentity.of("system-tests", "admin")))
                .baseUri(platform.service("metrics-service").url());
        admin.post("/admin/consumption/pause").then().statusCode(200);
        try {
            send(events);
        } finally {
            given().filter(GatewayProof.as(platform.signingKeyFile(), ForwardedIdentity.of("system-tests", "admin")))
                    .baseUri(platform.service("metrics-service").url()).post("/admin/consumption/resume").then().statusCode(200);
        }
    }

    private static JsonPath figure(String kind, String subject, String window, LocalDate asOf) {
        var r = given().baseUri(platform.gatewayUrl()).auth().oauth2(key)
                .queryParam("kind", kind).queryParam("key", subject).queryParam("window", window);
        if (asOf != null) r.queryParam("asOf", asOf.toString());
        return r.get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitFigure(String kind, String subject, String window, LocalDate asOf, String field, long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> figure(kind, subject, window, asOf).getLong(field) == expected);
    }

    /** The 12-month share now minus the share of the 12 months a year earlier, from the figures API. */
    private static double shareChange(String country) {
        return figure("COUNTRY", country, "P12M", null).getDouble("share.value")
                - figure("COUNTRY", country, "P12M", TODAY.minusYears(1)).getDouble("share.value");
    }

    /** Filings per sector of a country, from the figures API (a batch: answered uncached). */
    private static Map<String, Long> sectors(String country) {
        var keys = java.util.Arrays.stream(io.nanopulse.contracts.Sector.values()).map(sector -> country + "/" + sector.name()).toList();
        var queries = keys.stream().map(k -> Map.of("kind", "COUNTRY_SECTOR", "key", k, "window", "ALL")).toList();
        List<Long> filings = api().body(Map.of("queries", queries)).post("/api/v1/figures/batch")
                .then().statusCode(200).extract().jsonPath().getList("results.filings", Long.class);
        var out = new LinkedHashMap<String, Long>();
        for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), filings.get(i));
        return out;
    }

    /** The three sectors whose filings changed most, by absolute change, ties by key; unchanged ones left out. */
    private static List<String> topThree(Map<String, Long> before, Map<String, Long> after) {
        return after.keySet().stream()
                .filter(k -> after.get(k) - before.getOrDefault(k, 0L) != 0)
                .sorted(Comparator.<String>comparingLong(k -> -Math.abs(after.get(k) - before.getOrDefault(k, 0L)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
    }
}
