package io.nanopulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.ChangePublisher;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.WebhookReceiver;
import io.nanopulse.contracts.MetricChange;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.nanopulse.alerts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHANGE, RANK and COMPARE rules through real Kafka, PostgreSQL and HTTP: metric-changes → the rule's reads from
 * metrics-service (stubbed: figures as of a date, rankings) → state machine → signed webhook carrying what was
 * measured. Each test reads a window or subject of its own, so the shared stub's values do not meet.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class RuleKindsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookReceiver receiver;
    private String owner;
    private String subscriberId;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        owner = "owner-" + UUID.randomUUID();
        var sub = Api.subscriber(owner, receiver.url());
        subscriberId = sub.getString("id");
        receiver.trust(sub.getString("secret"));
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    /** A trailing window no other test reads. */
    private static String ownWindow() {
        return "P" + ThreadLocalRandom.current().nextInt(1000, 30000) + "D";
    }

    private Map<String, Object> body(String kind, String name) {
        Map<String, Object> r = new HashMap<>();
        r.put("subscriberId", subscriberId);
        r.put("name", name);
        r.put("kind", kind);
        return r;
    }

    private String create(Map<String, Object> body) {
        String id = Api.rule(owner, body);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, id).isAfter(Instant.EPOCH));
        return id;
    }

    /** Publishes a change naming {@code kind:key} and waits until the rule has been evaluated after it. */
    private void changeAndAwait(String ruleId, SubjectKind kind, String key) {
        Instant before = Api.lastEvaluated(owner, ruleId);
        MetricChange change = ChangePublisher.change(false, kind, key);
        ChangePublisher.publish(change);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(before));
    }

    private JsonNode notification(int index) {
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() > index);
        try {
            return JSON.readTree(receiver.accepted().get(index).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRankRuleFiresWhenANewNumberOneOvertakesTheOld() {
        String window = ownWindow();
        MetricsStub.ranking("INSTITUTION", "filings", window, null, List.of(Map.entry("cas", 100.0), Map.entry("tsinghua", 90.0)));
        var r = body("RANK", "whoever is first");
        r.put("rankingKind", "INSTITUTION");
        r.put("metric", "filings");
        r.put("window", window);
        String id = create(r);

        as(owner).get("/rules/" + id).then().statusCode(200)
                .body("kind", equalTo("RANK"))
                .body("rankingKind", equalTo("INSTITUTION"))
                .body("margin", equalTo(0.0f));
        JsonPath state = Api.state(owner, id);
        assertEquals("OK", state.getString("state"));
        assertEquals("cas", state.getString("measurement.previousLeader"), "the first evaluation takes the leader to watch");

        MetricsStub.ranking("INSTITUTION", "filings", window, null, List.of(Map.entry("tsinghua", 101.0), Map.entry("cas", 100.0)));
        changeAndAwait(id, SubjectKind.INSTITUTION, "tsinghua");
        JsonNode fired = notification(0);
        assertEquals("io.nanopulse.alert.firing", fired.get("type").asText());
        JsonNode data = fired.get("data");
        assertEquals("RANK", data.get("rule").get("kind").asText());
        assertTrue(data.get("subject").isNull());
        assertEquals("tsinghua", data.get("measurement").get("leader").asText());
        assertEquals("cas", data.get("measurement").get("previousLeader").asText());
        assertEquals(101, data.get("measurement").get("value").asDouble(), 1e-9);
        assertEquals(100, data.get("measurement").get("otherValue").asDouble(), 1e-9);
        assertTrue(data.get("links").get("ranking").asText().contains("/rankings?kind=INSTITUTION&metric=filings&window=" + window));
        assertEquals("FIRING", Api.state(owner, id).getString("state"));
        assertEquals("tsinghua", Api.state(owner, id).getString("recentTransitions[0].measurement.leader"));

        MetricsStub.ranking("INSTITUTION", "filings", window, null, List.of(Map.entry("cas", 102.0), Map.entry("tsinghua", 101.0)));
        changeAndAwait(id, SubjectKind.INSTITUTION, "cas");
        assertEquals("io.nanopulse.alert.resolved", notification(1).get("type").asText());
        assertEquals(2, Api.state(owner, id).getInt("transitionCount"));
    }

    @Test
    void aCompareRuleFiresAndResolvesWithItsMargin() {
        String window = ownWindow();
        String group = "g-" + UUID.randomUUID().toString().substring(0, 8);
        MetricsStub.set("COUNTRY", "CN", window, "share", 0.42);
        MetricsStub.set("GROUP", group, window, "share", 0.43);
        var r = body("COMPARE", "CN ahead of the group");
        r.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        r.put("other", Map.of("kind", "GROUP", "key", group.toUpperCase()));
        r.put("metric", "share");
        r.put("window", window);
        r.put("condition", "ABOVE");
        r.put("margin", 0.01);
        String id = create(r);
        as(owner).get("/rules/" + id).then().statusCode(200)
                .body("other.kind", equalTo("GROUP"))
                .body("other.key", equalTo(group))
                .body("threshold", nullValue());
        assertEquals("OK", Api.state(owner, id).getString("state"));
        assertEquals(0.43, Api.state(owner, id).getDouble("measurement.otherValue"), 1e-9);

        MetricsStub.set("COUNTRY", "CN", window, "share", 0.44);
        changeAndAwait(id, SubjectKind.COUNTRY, "US");
        JsonNode fired = notification(0).get("data");
        assertEquals("FIRING", fired.get("transition").get("to").asText());
        assertEquals(0.44, fired.get("measurement").get("value").asDouble(), 1e-9);
        assertEquals(0.43, fired.get("measurement").get("otherValue").asDouble(), 1e-9);
        assertEquals(0.43, fired.get("threshold").asDouble(), 1e-9);
        assertEquals("COMPARE", fired.get("rule").get("kind").asText());
        assertEquals("ABOVE", fired.get("rule").get("condition").asText());

        // Below the group, but not by more than the margin: still firing.
        MetricsStub.set("COUNTRY", "CN", window, "share", 0.425);
        changeAndAwait(id, SubjectKind.COUNTRY, "CN");
        MetricsStub.set("COUNTRY", "CN", window, "share", 0.42);
        changeAndAwait(id, SubjectKind.COUNTRY, "CN");
        assertEquals("FIRING", Api.state(owner, id).getString("state"));
        assertEquals(1, Api.state(owner, id).getInt("transitionCount"));

        MetricsStub.set("COUNTRY", "CN", window, "share", 0.419);
        changeAndAwait(id, SubjectKind.COUNTRY, "CN");
        JsonNode resolved = notification(1).get("data");
        assertEquals("RESOLVED", resolved.get("transition").get("kind").asText());
        assertEquals(0.419, resolved.get("measurement").get("value").asDouble(), 1e-9);
        assertEquals(0.42, Api.state(owner, id).getDouble("recentTransitions[0].threshold"), 1e-9);
    }

    @Test
    void aChangeRuleFiresOnATwoPointMoveAndNotOnASmallerOne() {
        String institution = "inst-" + UUID.randomUUID();
        LocalDate yearAgo = LocalDate.now(ZoneOffset.UTC).minusYears(1);
        MetricsStub.set("INSTITUTION", institution, "P12M", "share", 0.115);
        MetricsStub.setAt("INSTITUTION", institution, "P12M", "share", yearAgo, 0.10);
        var r = body("CHANGE", "share up two points in a year");
        r.put("subject", Map.of("kind", "INSTITUTION", "key", institution));
        r.put("metric", "share");
        r.put("window", "P12M");
        r.put("lookback", "P1Y");
        r.put("direction", "UP");
        r.put("amount", 0.02);
        String id = create(r);
        JsonPath state = Api.state(owner, id);
        assertEquals("OK", state.getString("state"));
        assertEquals(yearAgo.toString(), state.getString("measurement.otherAsOf"));
        assertEquals(0.015, state.getDouble("measurement.change"), 1e-9);

        MetricsStub.set("INSTITUTION", institution, "P12M", "share", 0.1199);
        changeAndAwait(id, SubjectKind.INSTITUTION, institution);
        assertEquals("OK", Api.state(owner, id).getString("state"));
        assertEquals(0, receiver.accepted().size());

        MetricsStub.set("INSTITUTION", institution, "P12M", "share", 0.12);
        changeAndAwait(id, SubjectKind.INSTITUTION, institution);
        JsonNode data = notification(0).get("data");
        assertEquals("FIRING", data.get("transition").get("to").asText());
        assertEquals("CHANGE", data.get("rule").get("kind").asText());
        JsonNode m = data.get("measurement");
        assertEquals(0.12, m.get("value").asDouble(), 1e-9);
        assertEquals(0.10, m.get("otherValue").asDouble(), 1e-9);
        assertEquals(0.02, m.get("change").asDouble(), 1e-9);
        assertEquals(yearAgo.toString(), m.get("otherAsOf").asText());
        assertEquals(0.02, data.get("value").asDouble(), 1e-9);
    }

    @Test
    void aRuleOnAGroupMetricsServiceDoesNotKnowBlocksNoOtherRule() {
        String window = ownWindow();
        String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        var compare = body("COMPARE", "CN against a deleted group");
        compare.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        compare.put("other", Map.of("kind", "GROUP", "key", gone));
        compare.put("metric", "share");
        compare.put("window", window);
        compare.put("condition", "ABOVE");
        String compareId = create(compare);
        Instant compareEvaluated = Api.lastEvaluated(owner, compareId);
        MetricsStub.unknown("GROUP", gone); // deleted (or made private) after the rule was saved

        String institution = "inst-" + UUID.randomUUID();
        MetricsStub.set("INSTITUTION", institution, window, "share", 0.3);
        var threshold = body("THRESHOLD", "institution above 40%");
        threshold.put("subject", Map.of("kind", "INSTITUTION", "key", institution));
        threshold.put("metric", "share");
        threshold.put("window", window);
        threshold.put("condition", "ABOVE");
        threshold.put("threshold", 0.4);
        String thresholdId = create(threshold);

        // One change evaluates both rules together (every COMPARE rule is evaluated on every change).
        MetricsStub.set("INSTITUTION", institution, window, "share", 0.5);
        int refused = MetricsStub.batchesRefused();
        changeAndAwait(thresholdId, SubjectKind.INSTITUTION, institution);
        assertEquals("FIRING", Api.state(owner, thresholdId).getString("state"));
        assertTrue(MetricsStub.batchesRefused() > refused, "the batch with the unknown group was refused");
        assertEquals(compareEvaluated, Api.lastEvaluated(owner, compareId), "the rule on the unknown group is skipped");
    }

    @Test
    void aRuleOnAGroupMetricsServiceDoesNotShareIsRefusedAtSave() {
        String hidden = "hidden-" + UUID.randomUUID().toString().substring(0, 8);
        MetricsStub.unknown("GROUP", hidden);
        var compare = body("COMPARE", "CN against a group alerts cannot see");
        compare.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        compare.put("other", Map.of("kind", "GROUP", "key", hidden));
        compare.put("metric", "share");
        compare.put("window", "ALL");
        compare.put("condition", "ABOVE");
        as(owner).body(compare).post("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("other.key"))
                .body("errors.reason", hasItem("no shared group '" + hidden + "'"));

        var threshold = body("THRESHOLD", "hidden group above 40%");
        threshold.put("subject", Map.of("kind", "GROUP", "key", hidden));
        threshold.put("metric", "share");
        threshold.put("window", "ALL");
        threshold.put("condition", "ABOVE");
        threshold.put("threshold", 0.4);
        as(owner).body(threshold).post("/rules").then().statusCode(400)
                .body("errors.field", hasItem("subject.key"));

        threshold.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        String id = Api.rule(owner, threshold);
        threshold.put("subject", Map.of("kind", "GROUP", "key", hidden));
        as(owner).body(threshold).put("/rules/" + id).then().statusCode(400)
                .body("errors.field", hasItem("subject.key"));

        threshold.put("subject", Map.of("kind", "GROUP", "key", "known-" + UUID.randomUUID().toString().substring(0, 8)));
        MetricsStub.down(true);
        try {
            as(owner).body(threshold).post("/rules").then().statusCode(503).contentType("application/problem+json");
        } finally {
            MetricsStub.down(false);
        }
    }

    @Test
    void namesEveryBadFieldOfTheNewKinds() {
        var rank = body("RANK", "bad rank");
        rank.put("subject", Map.of("kind", "INSTITUTION", "key", "cas"));
        rank.put("metric", "filings");
        rank.put("window", "ALL");
        rank.put("condition", "IN_TOP");
        rank.put("top", 0);
        rank.put("lookback", "P1Y");
        as(owner).body(rank).post("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("top", "lookback"))
                .body("errors.reason", hasItem(containsString("1..100")));

        var change = body("CHANGE", "bad change");
        change.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        change.put("metric", "share");
        change.put("window", "P12M");
        change.put("lookback", "P11Y");
        change.put("direction", "UP");
        change.put("amount", -1);
        as(owner).body(change).post("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("lookback", "amount"));

        var compare = body("COMPARE", "bad compare");
        compare.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        compare.put("other", Map.of("kind", "GROUP", "key", "not a group name"));
        compare.put("metric", "share");
        compare.put("window", "ALL");
        compare.put("condition", "ABOVE");
        compare.put("margin", -0.5);
        as(owner).body(compare).post("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("other.key", "margin"));

        rank.put("top", 1.5);
        rank.remove("lookback");
        as(owner).body(rank).post("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("top"));
    }
}
