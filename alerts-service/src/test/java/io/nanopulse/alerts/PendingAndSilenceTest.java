package io.nanopulse.alerts;

import io.nanopulse.alerts.application.EvaluateChanges;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nanopulse.alerts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class PendingAndSilenceTest {
    private static final String WINDOW = "2024";

    /** The method the periodic scheduler calls (disabled in tests so that time is driven explicitly). */
    @Inject
    EvaluateChanges evaluator;

    @Inject
    EntityManager em;

    private WebhookReceiver receiver;
    private String owner;
    private String subscriberId;
    private String key;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        owner = "owner-" + UUID.randomUUID();
        var sub = Api.subscriber(owner, receiver.url());
        subscriberId = sub.getString("id");
        receiver.trust(sub.getString("secret"));
        key = "inst-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private void rate(double v) {
        MetricsStub.set("INSTITUTION", key, WINDOW, "licensingRate", v);
    }

    private String rule(String pendingFor, Map<String, String> labels) {
        Map<String, Object> r = new HashMap<>();
        r.put("subscriberId", subscriberId);
        r.put("name", "licensing rate of " + key);
        r.put("subject", Map.of("kind", "INSTITUTION", "key", key));
        r.put("metric", "licensingRate");
        r.put("window", WINDOW);
        r.put("condition", "BELOW");
        r.put("threshold", 0.08);
        r.put("recoveryThreshold", 0.09);
        if (pendingFor != null) {
            r.put("pendingFor", pendingFor);
        }
        r.put("labels", labels);
        String id = Api.rule(owner, r);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, id).isAfter(Instant.EPOCH));
        return id;
    }

    private void changeAndAwait(String ruleId) {
        Instant before = Api.lastEvaluated(owner, ruleId);
        ChangePublisher.publish(ChangePublisher.change(false, SubjectKind.INSTITUTION, key));
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(before));
    }

    @Test
    void pendingDurationIsHonoured() {
        rate(0.10);
        String ruleId = rule("PT2S", Map.of());
        rate(0.05);
        changeAndAwait(ruleId);
        var pending = Api.state(owner, ruleId);
        assertEquals("PENDING", pending.getString("state"));
        Instant pendingSince = Instant.parse(pending.getString("pendingSince"));
        // Still pending on a re-evaluation before the duration: nothing is sent, no delivery row exists.
        changeAndAwait(ruleId);
        if (Instant.now().isBefore(pendingSince.plusSeconds(2))) {
            assertEquals("PENDING", Api.state(owner, ruleId).getString("state"));
        }
        assertEquals(0, Api.deliveries(owner, subscriberId).getInt("totalItems"));

        // Time-driven: the periodic evaluation fires it once the duration has elapsed, with no new change.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            evaluator.evaluateAll();
            return "FIRING".equals(Api.state(owner, ruleId).getString("state"));
        });
        var state = Api.state(owner, ruleId);
        Instant firedAt = Instant.parse(state.getString("recentTransitions[0].at"));
        assertEquals("FIRING", state.getString("recentTransitions[0].kind"));
        assertEquals("PENDING", state.getString("recentTransitions[1].kind"));
        assertFalse(firedAt.isBefore(pendingSince.plusSeconds(2)), "fired " + firedAt + " pending since " + pendingSince);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertTrue(receiver.accepted().get(0).verified());
        // The periodic pass runs in no trace and starts none per rule: its outbox row carries no trace to continue.
        assertEquals(List.of("none"), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT coalesce(traceparent, 'none') FROM webhook_delivery WHERE rule_id = :id")
                .setParameter("id", UUID.fromString(ruleId)).getResultList()));
    }

    @Test
    void pendingIsCancelledSilentlyWhenTheConditionStops() {
        rate(0.10);
        String ruleId = rule("PT1H", Map.of());
        rate(0.05);
        changeAndAwait(ruleId);
        assertEquals("PENDING", Api.state(owner, ruleId).getString("state"));
        rate(0.085);
        changeAndAwait(ruleId);
        var state = Api.state(owner, ruleId);
        assertEquals("OK", state.getString("state"));
        assertEquals("CANCELLED", state.getString("recentTransitions[0].kind"));
        assertEquals(0, Api.deliveries(owner, subscriberId).getInt("totalItems"));
    }

    @Test
    void silencedTransitionsAreRecordedButNotSent() {
        rate(0.10);
        String ruleId = rule(null, Map.of("team", "licensing"));
        String silenceId = as(owner).body(Map.of("matchers", Map.of("team", "licensing"),
                        "endsAt", Instant.now().plusSeconds(3600).toString(), "comment", "maintenance"))
                .post("/silences").then().statusCode(201).extract().path("id");

        rate(0.05);
        changeAndAwait(ruleId);
        var state = Api.state(owner, ruleId);
        assertEquals("FIRING", state.getString("state"));
        assertEquals(silenceId, state.getString("recentTransitions[0].silencedBy"));
        // Outbox rows commit with their transition, so their absence now is final.
        assertEquals(0, Api.deliveries(owner, subscriberId).getInt("totalItems"));

        // The silence ends; the resolution is announced.
        as(owner).delete("/silences/" + silenceId).then().statusCode(204);
        rate(0.095);
        changeAndAwait(ruleId);
        state = Api.state(owner, ruleId);
        assertEquals("OK", state.getString("state"));
        assertNull(state.getString("recentTransitions[0].silencedBy"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertEquals(List.of("DELIVERED"), Api.deliveries(owner, subscriberId).getList("items.status"));
        assertEquals(1, receiver.received().size());
    }

    @Test
    void silencingASubscriberMutesItsRules() {
        rate(0.10);
        String ruleId = rule(null, Map.of());
        as(owner).body(Map.of("subscriberId", subscriberId, "endsAt", Instant.now().plusSeconds(600).toString()))
                .post("/silences").then().statusCode(201);
        rate(0.01);
        changeAndAwait(ruleId);
        var state = Api.state(owner, ruleId);
        assertEquals("FIRING", state.getString("state"));
        assertNotNull(state.getString("recentTransitions[0].silencedBy"));
        assertEquals(0, Api.deliveries(owner, subscriberId).getInt("totalItems"));
    }
}
