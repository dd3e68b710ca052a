package io.nanopulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.ChangePublisher;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.WebhookReceiver;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notification explains itself: the value and the previous one, the comparison, the counts behind the share
 * before and after, and the three members whose filings moved most, checked against a recomputation from the
 * figures the metrics stand-in answered before and after.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class ExplanationFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WINDOW = "P12M";
    private static final List<String> COUNTRIES = List.of("US", "JP", "KR", "DE", "FR", "GB", "CA");

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    /** Random members: {filings, grants, licensed} per country; some countries absent. */
    private static Map<String, long[]> members(Random r) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String c : COUNTRIES) {
            if (r.nextInt(5) > 0) {
                long f = 50 + r.nextInt(400);
                out.put(c, new long[]{f, r.nextInt((int) f / 2), r.nextInt((int) f / 3)});
            }
        }
        return out;
    }

    private static long filings(Map<String, long[]> members) {
        return members.values().stream().mapToLong(m -> m[0]).sum();
    }

    /** The recomputation: every country's filings change, zero ones left out, largest |change| first, ties by key. */
    private static List<List<Object>> topThree(Map<String, long[]> before, Map<String, long[]> after) {
        var keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<List<Object>> all = new ArrayList<>();
        for (String k : keys) {
            long b = before.containsKey(k) ? before.get(k)[0] : 0;
            long a = after.containsKey(k) ? after.get(k)[0] : 0;
            if (a != b) all.add(List.of("COUNTRY", k, b, a, a - b));
        }
        all.sort(Comparator.comparingLong((List<Object> c) -> -Math.abs((Long) c.get(4))).thenComparing(c -> (String) c.get(1)));
        return all.subList(0, Math.min(3, all.size()));
    }

    @Test
    void aFiringNotificationNamesTheTopThreeMembersThatMovedTheShare() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed);
            String owner = "explain-" + UUID.randomUUID();
            var sub = Api.subscriber(owner, receiver.url());
            receiver.trust(sub.getString("secret"));
            String group = "expl-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, long[]> before = members(r);
            long globalBefore = filings(before) * 2 + r.nextInt(100);
            MetricsStub.compose("GROUP", group, WINDOW, new MetricsStub.Composition("COUNTRY", globalBefore, before));
            double shareBefore = (double) filings(before) / globalBefore;

            Map<String, Object> rule = new HashMap<>();
            rule.put("subscriberId", sub.getString("id"));
            rule.put("name", "share of " + group);
            rule.put("subject", Map.of("kind", "GROUP", "key", group));
            rule.put("metric", "share");
            rule.put("window", WINDOW);
            rule.put("condition", "ABOVE");
            rule.put("threshold", 0.5);
            String ruleId = Api.rule(owner, rule);
            await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(Instant.EPOCH));
            assertEquals("OK", Api.state(owner, ruleId).getString("state"));

            // New figures above the threshold: members grow, shrink, appear and disappear; the world grows too.
            Map<String, long[]> after = members(r);
            after.merge("US", new long[]{2000, 0, 0}, (a, b) -> new long[]{a[0] + b[0], a[1], a[2]});
            long globalAfter = globalBefore + r.nextInt(200);
            MetricsStub.compose("GROUP", group, WINDOW, new MetricsStub.Composition("COUNTRY", globalAfter, after));
            int seen = receiver.received().size();
            ChangePublisher.publish(ChangePublisher.change(false, SubjectKind.COUNTRY, "US"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() > seen);

            JsonNode data = JSON.readTree(receiver.received().get(seen).body()).get("data");
            assertEquals(ruleId, data.get("rule").get("id").asText());
            JsonNode e = data.get("explanation");
            String what = "seed " + seed + ": " + e;
            assertEquals("share", e.get("metric").asText(), what);
            assertEquals((double) filings(after) / globalAfter, e.get("value").asDouble(), 1e-9, what);
            assertEquals(shareBefore, e.get("previousValue").asDouble(), 1e-9, what);
            assertTrue(Instant.parse(e.get("previousMeasuredAt").asText()).isBefore(Instant.parse(e.get("measuredAt").asText())), what);
            assertEquals(WINDOW, e.get("window").asText(), what);
            assertEquals("share > 0.5", e.get("comparison").asText(), what);
            assertEquals("filings", e.get("countOf").asText(), what);
            assertEquals(filings(before), e.get("numerator").get("before").asLong(), what);
            assertEquals(filings(after), e.get("numerator").get("after").asLong(), what);
            assertEquals(globalBefore, e.get("denominator").get("before").asLong(), what);
            assertEquals(globalAfter, e.get("denominator").get("after").asLong(), what);
            List<List<Object>> got = new ArrayList<>();
            for (JsonNode c : e.get("contributors")) {
                got.add(List.of(c.get("kind").asText(), c.get("key").asText(), c.get("before").asLong(), c.get("after").asLong(),
                        c.get("change").asLong()));
            }
            assertEquals(topThree(before, after), got, what);
            assertTrue(data.get("links").get("figures").asText().contains("kind=GROUP&key=" + group), what);
        }
    }
}
