package io.nanopulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.alerts.application.EvaluateChanges;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.ChangeSet;
import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static io.nanopulse.alerts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /rules/backtest replays a rule over a stored history (the stand-in's figures as of each date) and makes
 * exactly the transitions live evaluation makes when the same values arrive in the same order: for every kind, the
 * live rule is driven through EvaluateChanges/ApplyTransition with the history's values as today's figures, one
 * step after another, and its recorded transitions are compared with the backtest's. Rules here neither wait nor
 * remind (live time is the wall clock, a backtest's is its dates; BacktestReplayTest covers waiting by dates).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class RuleBacktestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final String WINDOW = "P12M";

    @Inject
    EvaluateChanges evaluator;

    @Inject
    AlertsConfig config;

    private String owner;
    private String subscriberId;
    private String key;

    @BeforeEach
    void setUp() {
        owner = "backtest-" + UUID.randomUUID();
        subscriberId = as(owner).body(Map.of("name", "backtests")).post("/subscribers").then().statusCode(201)
                .extract().path("id");
        key = "inst-" + UUID.randomUUID();
    }

    /** Sets what the stand-in answers as of a date: the history's figures at step i. */
    private interface History extends BiConsumer<Integer, LocalDate> {
    }

    private static LocalDate month(int i) {
        return FROM.plusMonths(i);
    }

    private static void share(String key, LocalDate asOf, Double value) {
        MetricsStub.setAt("INSTITUTION", key, WINDOW, "share", asOf, value);
    }

    private Map<String, Object> rule(Map<String, Object> fields) {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("subscriberId", subscriberId);
        r.put("name", "backtested " + fields.getOrDefault("kind", "THRESHOLD"));
        r.put("metric", fields.getOrDefault("metric", "share"));
        r.put("window", fields.getOrDefault("window", WINDOW));
        return r;
    }

    /** The rule saved and driven live through {@code steps} steps of {@code history}; its transitions, oldest first. */
    private List<String> live(Map<String, Object> rule, int steps, History history, Set<String> subjects) {
        answerToday(history, 0);
        String id = Api.rule(owner, rule);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, id).isAfter(Instant.EPOCH));
        for (int i = 0; i < steps; i++) {
            answerToday(history, i);
            evaluator.evaluate(new ChangeSet(subjects, false, false));
        }
        JsonNode state = read(as(owner).get("/rules/" + id + "/state?transitions=200").then().statusCode(200)
                .extract().asString());
        List<String> out = new ArrayList<>();
        state.path("recentTransitions").forEach(t -> out.add(0, describe(t)));
        return out;
    }

    /** Today's figures (and tomorrow's, should the date turn during the step) are the history's at step i. */
    private static void answerToday(History history, int i) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        history.accept(i, today);
        history.accept(i, today.plusDays(1));
    }

    private JsonNode backtest(Map<String, Object> rule, int steps, History history) {
        for (int i = 0; i < steps; i++) {
            history.accept(i, month(i));
        }
        return read(as(owner).body(Map.of("rule", rule, "from", FROM.toString(), "to", month(steps - 1).toString(),
                "step", "MONTH")).post("/rules/backtest").then().statusCode(200).extract().asString());
    }

    private static List<String> transitions(JsonNode backtest) {
        List<String> out = new ArrayList<>();
        backtest.path("transitions").forEach(t -> out.add(describe(t)));
        return out;
    }

    private static List<String> dates(JsonNode backtest) {
        List<String> out = new ArrayList<>();
        backtest.path("transitions").forEach(t -> out.add(t.path("kind").asText() + "@" + t.path("at").asText()));
        return out;
    }

    /** What a transition did and measured; not when (live: now, backtest: its date) nor its dates of measurement. */
    private static String describe(JsonNode t) {
        JsonNode m = t.path("measurement");
        return String.join("|", text(t, "kind"), text(t, "from"), text(t, "to"), text(t, "value"), text(t, "threshold"),
                text(m, "value"), text(m, "otherValue"), text(m, "change"), text(m, "position"), text(m, "leader"),
                text(m, "previousLeader"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "-" : v.asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private void assertSameAsLive(Map<String, Object> fields, int steps, History history, Set<String> subjects,
                                  List<String> expectedDates) {
        JsonNode backtest = backtest(rule(fields), steps, history);
        assertEquals(expectedDates, dates(backtest), backtest.toString());
        assertEquals(steps, backtest.path("points").size());
        List<String> live = live(rule(fields), steps, history, subjects);
        assertEquals(live, transitions(backtest), "live transitions vs the backtest's");
    }

    private Set<String> subject(String k) {
        return Set.of(SubjectKey.of(SubjectKind.INSTITUTION, k).ref());
    }

    @Test
    void aThresholdRuleBacktestsAsItEvaluatesLive() {
        Double[] values = {0.30, 0.42, 0.395, 0.385, null, 0.45, 0.41, 0.20};
        History h = (i, asOf) -> share(key, asOf, values[i]);
        Map<String, Object> fields = Map.of("subject", Map.of("kind", "INSTITUTION", "key", key), "condition", "ABOVE",
                "threshold", 0.40, "recoveryThreshold", 0.39);
        assertSameAsLive(fields, values.length, h, subject(key),
                List.of("FIRING@2024-02-01", "RESOLVED@2024-04-01", "FIRING@2024-06-01", "RESOLVED@2024-08-01"));

        JsonNode b = backtest(rule(fields), values.length, h);
        assertEquals("[{\"from\":\"2024-02-01\",\"to\":\"2024-04-01\"},{\"from\":\"2024-06-01\",\"to\":\"2024-08-01\"}]",
                b.path("firing").toString());
        assertEquals("OK", b.path("state").asText());
        assertEquals("2024-05-01", b.path("points").get(4).path("asOf").asText());
        assertEquals("-", text(b.path("points").get(4), "value"), "no data as of 2024-05-01");
        assertEquals("FIRING", b.path("points").get(2).path("state").asText());
    }

    @Test
    void aChangeRuleBacktestsAsItEvaluatesLive() {
        double[] now = {0.40, 0.42, 0.415, 0.405, 0.43, 0.435};
        double[] before = {0.39, 0.40, 0.40, 0.40, 0.40, 0.43};
        History h = (i, asOf) -> {
            share(key, asOf, now[i]);
            share(key, asOf.minusYears(1), before[i]);
        };
        Map<String, Object> fields = Map.of("kind", "CHANGE", "subject", Map.of("kind", "INSTITUTION", "key", key),
                "lookback", "P1Y", "direction", "UP", "amount", 0.02, "recoveryAmount", 0.01);
        assertSameAsLive(fields, now.length, h, subject(key),
                List.of("FIRING@2024-02-01", "RESOLVED@2024-04-01", "FIRING@2024-05-01", "RESOLVED@2024-06-01"));
    }

    @Test
    void aCompareRuleBacktestsAsItEvaluatesLive() {
        String other = "inst-" + UUID.randomUUID();
        double[] a = {0.30, 0.36, 0.345, 0.33, 0.40};
        History h = (i, asOf) -> {
            share(key, asOf, a[i]);
            share(other, asOf, 0.35);
        };
        Map<String, Object> fields = Map.of("kind", "COMPARE", "subject", Map.of("kind", "INSTITUTION", "key", key),
                "other", Map.of("kind", "INSTITUTION", "key", other), "condition", "ABOVE", "margin", 0.01);
        assertSameAsLive(fields, a.length, h, subject(key),
                List.of("FIRING@2024-02-01", "RESOLVED@2024-04-01", "FIRING@2024-05-01"));
    }

    @Test
    void aRankRuleBacktestsAsItEvaluatesLive() {
        String other = "inst-" + UUID.randomUUID();
        String window = "2011-01-01..2011-12-31";
        List<List<Map.Entry<String, Double>>> rankings = List.of(
                List.of(Map.entry(other, 100.0), Map.entry(key, 90.0)),
                List.of(Map.entry(key, 110.0), Map.entry(other, 100.0)),
                List.of(Map.entry(other, 120.0), Map.entry(key, 115.0)),
                List.of(Map.entry(key, 130.0), Map.entry(other, 120.0)));
        History h = (i, asOf) -> MetricsStub.ranking("INSTITUTION", "filings", window, asOf, rankings.get(i));
        Map<String, Object> fields = Map.of("kind", "RANK", "subject", Map.of("kind", "INSTITUTION", "key", key),
                "metric", "filings", "window", window, "condition", "IN_TOP", "top", 1);
        assertSameAsLive(fields, rankings.size(), h, subject(key),
                List.of("FIRING@2024-02-01", "RESOLVED@2024-03-01", "FIRING@2024-04-01"));
    }

    @Test
    void aLeaderRuleBacktestsAsItEvaluatesLive() {
        String first = "inst-" + UUID.randomUUID();
        String challenger = "inst-" + UUID.randomUUID();
        String window = "2012-01-01..2012-12-31";
        List<List<Map.Entry<String, Double>>> rankings = List.of(
                List.of(Map.entry(first, 100.0), Map.entry(challenger, 90.0)),
                List.of(Map.entry(challenger, 110.0), Map.entry(first, 100.0)),
                List.of(Map.entry(challenger, 115.0), Map.entry(first, 101.0)),
                List.of(Map.entry(first, 120.0), Map.entry(challenger, 110.0)));
        History h = (i, asOf) -> MetricsStub.ranking("INSTITUTION", "filings", window, asOf, rankings.get(i));
        Map<String, Object> fields = Map.of("kind", "RANK", "rankingKind", "INSTITUTION", "metric", "filings",
                "window", window);
        assertSameAsLive(fields, rankings.size(), h, subject(first),
                List.of("FIRING@2024-02-01", "RESOLVED@2024-04-01"));
    }

    @Test
    void aBacktestSavesNothing() {
        backtest(rule(Map.of("subject", Map.of("kind", "INSTITUTION", "key", key), "condition", "ABOVE",
                "threshold", 0.40)), 1, (i, asOf) -> share(key, asOf, 0.5));
        as(owner).get("/rules").then().statusCode(200).body("totalItems", equalTo(0));
    }

    // --- bad input: 400 problem naming each field -------------------------------------------------------------

    private Map<String, Object> body(Object rule, String from, String to, String step) {
        Map<String, Object> b = new HashMap<>();
        if (rule != null) b.put("rule", rule);
        if (from != null) b.put("from", from);
        if (to != null) b.put("to", to);
        if (step != null) b.put("step", step);
        return b;
    }

    private Map<String, Object> validRule() {
        return rule(Map.of("subject", Map.of("kind", "COUNTRY", "key", "CN"), "condition", "ABOVE", "threshold", 0.4));
    }

    private void refused(Map<String, Object> body, String field) {
        as(owner).body(body).post("/rules/backtest").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem(field));
    }

    @Test
    void aBadStepIsRefusedNamingStep() {
        refused(body(validRule(), "2024-01-01", "2024-02-01", "WEEK"), "step");
    }

    @Test
    void tooManyStepsAreRefusedNamingTo() {
        refused(body(validRule(), "2023-01-01", "2024-01-02", "DAY"), "to");
        refused(body(validRule(), "2010-01-01", "2020-01-01", "MONTH"), "to");
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        refused(body(validRule(), "2024-03-01", "2024-02-01", "DAY"), "from");
    }

    @Test
    void aFutureToIsRefusedNamingTo() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        refused(body(validRule(), tomorrow.minusDays(5).toString(), tomorrow.toString(), "DAY"), "to");
    }

    @Test
    void datesOutsideTheRangeOrMissingAreRefusedNamingThem() {
        refused(body(validRule(), "1899-12-31", "1900-01-01", "DAY"), "from");
        refused(body(validRule(), "2024-01-01", null, "DAY"), "to");
        refused(body(validRule(), "2024-02-30", "2024-03-01", "DAY"), "from");
    }

    @Test
    void theRuleIsCheckedAsASaveChecksItUnderRule() {
        Map<String, Object> bad = new HashMap<>(validRule());
        bad.put("threshold", 1.5);
        refused(body(bad, "2024-01-01", "2024-02-01", "DAY"), "rule.threshold");
        refused(body(null, "2024-01-01", "2024-02-01", "DAY"), "rule");
        Map<String, Object> foreign = new HashMap<>(validRule());
        foreign.put("subscriberId", UUID.randomUUID().toString());
        refused(body(foreign, "2024-01-01", "2024-02-01", "DAY"), "rule.subscriberId");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedNamingTheField() {
        as(owner).body("{\"rule\":\"CN above 40%\",\"from\":\"2024-01-01\",\"to\":\"2024-01-02\"}")
                .post("/rules/backtest").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("field", equalTo("rule"));
        as(owner).body("{\"from\":\"2024-01-01\",\"from\":\"2024-01-02\"}")
                .post("/rules/backtest").then().statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void aSubscriberIsNotNeeded() {
        Map<String, Object> r = new HashMap<>(validRule());
        r.remove("subscriberId");
        as(owner).body(body(r, "2024-01-01", "2024-01-03", null)).post("/rules/backtest").then().statusCode(200)
                .body("step", equalTo("DAY")).body("points.size()", equalTo(3));
    }

    @Test
    void backtestsBeyondTheInstancesLimitAre429() throws Exception {
        int max = config.backtest().maxConcurrent();
        String window = "2013-01-01..2013-12-31";
        Map<String, Object> body = body(rule(Map.of("kind", "RANK", "rankingKind", "INSTITUTION", "metric", "filings",
                "window", window)), "2024-01-01", "2024-01-01", "DAY");
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(max);
        int heldBefore = MetricsStub.held();
        MetricsStub.holdRankings(window, release);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                running.add(clients.submit(() -> as(owner).body(body).post("/rules/backtest").statusCode()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> MetricsStub.held() == heldBefore + max);
            as(owner).body(body).post("/rules/backtest").then().statusCode(429).contentType(startsWith(PROBLEM))
                    .header("Retry-After", "1").body("detail", containsString("max-concurrent"));
            release.countDown();
            for (Future<Integer> f : running) {
                assertEquals(200, f.get(30, TimeUnit.SECONDS));
            }
            MetricsStub.holdRankings(null, null);
            as(owner).body(body).post("/rules/backtest").then().statusCode(200);
        } finally {
            release.countDown();
            MetricsStub.holdRankings(null, null);
            clients.shutdownNow();
        }
    }

    @Test
    void aBacktestPastItsTimeoutStopsAndIs503() {
        String window = "2014-01-01..2014-12-31";
        Map<String, Object> body = body(rule(Map.of("kind", "RANK", "rankingKind", "INSTITUTION", "metric", "filings",
                "window", window)), "2024-01-01", "2024-01-08", "DAY");
        CountDownLatch never = new CountDownLatch(1);
        MetricsStub.holdRankings(window, never); // metrics-service answers no ranking in time
        try {
            as(owner).body(body).post("/rules/backtest").then().statusCode(503).contentType(startsWith(PROBLEM))
                    .body("detail", containsString("nanopulse.alerts.backtest.timeout"));
        } finally {
            never.countDown();
            MetricsStub.holdRankings(null, null);
        }
    }

    @Test
    void metricsOutOfReachIs503() {
        MetricsStub.down(true);
        try {
            as(owner).body(body(validRule(), "2024-01-01", "2024-01-03", "DAY")).post("/rules/backtest").then()
                    .statusCode(503).contentType(startsWith(PROBLEM)).body("service", equalTo("metrics"));
        } finally {
            MetricsStub.down(false);
        }
    }
}
