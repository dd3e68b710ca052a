package io.nanopulse.alerts.application;

import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.RuleState;
import io.nanopulse.alerts.domain.RuleTarget;
import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.FailingTransitions;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.WebhookReceiver;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A chunk of rules evaluated together commits their transitions in transactions of {@code rules-per-transaction}
 * rules, in id order, each with its outbox row; when one rule's step fails, the others still transition, once, each
 * in a transaction of its own.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class ChunkedApplyTest {
    private static final String WINDOW = "P12M";

    @Inject
    EvaluateChanges evaluator;

    @Inject
    RuleStore rules;

    @Inject
    EntityManager em;

    @Inject
    Committed committed;

    @Inject
    AlertsConfig config;

    private WebhookReceiver receiver;
    private String owner;
    private String subscriberId;

    /** The rules of TransitionCommitted events observed after their transaction committed. */
    @ApplicationScoped
    static class Committed {
        final ConcurrentLinkedQueue<UUID> rules = new ConcurrentLinkedQueue<>();

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransitionCommitted e) {
            rules.add(e.ruleId());
        }

        long of(UUID ruleId) {
            return rules.stream().filter(ruleId::equals).count();
        }
    }

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
        FailingTransitions.reset();
        receiver.close();
    }

    @Test
    void aChunkCommitsItsTransitionsTogether() {
        List<UUID> ids = rulesAboutToFire(3);

        assertEquals(3, evaluator.evaluateTargets(targets(ids)));

        for (UUID id : ids) {
            assertEquals("FIRING", state(id).state().name());
            assertEquals(1, deliveries(id));
            assertEquals(1, committed.of(id));
        }
        // One transaction wrote every state row and transition of the chunk (outbox rows change once sent).
        Set<String> writers = ids.stream().flatMap(id -> List.of(xmin("rule_state", id), xmin("alert_transition", id))
                .stream()).collect(Collectors.toSet());
        assertEquals(1, writers.size(), "writing transactions " + writers);
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted().size() == 3);
    }

    @Test
    void aChunkLargerThanATransactionCommitsInSeveralInIdOrder() {
        int size = config.evaluation().rulesPerTransaction();
        List<UUID> ids = rulesAboutToFire(size + 2);

        assertEquals(size + 2, evaluator.evaluateTargets(targets(ids)));

        // In id order: the first rules-per-transaction rules were written by one transaction, the other two by another.
        List<String> writers = ids.stream().sorted(Comparator.comparing(UUID::toString)).map(id -> {
            assertEquals("FIRING", state(id).state().name());
            assertEquals(xmin("rule_state", id), xmin("alert_transition", id));
            return xmin("rule_state", id);
        }).toList();
        assertEquals(Set.of(writers.get(0)), Set.copyOf(writers.subList(0, size)), "writers " + writers);
        assertEquals(Set.of(writers.get(size)), Set.copyOf(writers.subList(size, size + 2)), "writers " + writers);
        assertNotEquals(writers.get(0), writers.get(size), "writers " + writers);
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted().size() == size + 2);
    }

    @Test
    void aFailingRuleHoldsNoOtherBack() {
        List<UUID> ids = rulesAboutToFire(3);
        UUID bad = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList().get(1); // mid-chunk
        FailingTransitions.failFor(bad);

        assertThrows(IllegalStateException.class, () -> evaluator.evaluateTargets(targets(ids)));

        for (UUID id : ids) {
            boolean ok = !id.equals(bad);
            assertEquals(ok ? "FIRING" : "OK", state(id).state().name(), "rule " + id);
            assertEquals(ok ? 1 : 0, state(id).transitionCount(), "rule " + id);
            assertEquals(ok ? 1 : 0, deliveries(id), "rule " + id);
            assertEquals(ok ? 1 : 0, committed.of(id), "rule " + id);
        }

        // Once the rule can be applied again, it transitions; the others stay where they are.
        FailingTransitions.reset();
        assertEquals(1, evaluator.evaluateTargets(targets(ids)));
        for (UUID id : ids) {
            assertEquals("FIRING", state(id).state().name());
            assertEquals(1, state(id).transitionCount());
            assertEquals(1, deliveries(id));
            assertEquals(1, committed.of(id));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted().size() == 3);
    }

    /** {@code n} rules, each on its own institution, evaluated once below their threshold, whose value now breaches it. */
    private List<UUID> rulesAboutToFire(int n) {
        List<String> keys = IntStream.range(0, n).mapToObj(i -> "inst-" + UUID.randomUUID()).toList();
        keys.forEach(k -> MetricsStub.set("INSTITUTION", k, WINDOW, "licensingRate", 0.10));
        List<UUID> ids = keys.stream().map(k -> {
            Map<String, Object> r = new HashMap<>();
            r.put("subscriberId", subscriberId);
            r.put("name", "licensing rate of " + k);
            r.put("subject", Map.of("kind", "INSTITUTION", "key", k));
            r.put("metric", "licensingRate");
            r.put("window", WINDOW);
            r.put("condition", "BELOW");
            r.put("threshold", 0.08);
            r.put("recoveryThreshold", 0.09);
            return UUID.fromString(Api.rule(owner, r));
        }).toList();
        for (UUID id : ids) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, id.toString()).isAfter(Instant.EPOCH));
        }
        keys.forEach(k -> MetricsStub.set("INSTITUTION", k, WINDOW, "licensingRate", 0.05));
        return ids;
    }

    private List<RuleTarget> targets(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream().map(id -> rules.target(id).orElseThrow()).toList());
    }

    private RuleState state(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> rules.state(id).orElseThrow());
    }

    private long deliveries(UUID ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM webhook_delivery WHERE rule_id = :id").setParameter("id", ruleId).getSingleResult())
                .longValue());
    }

    /** The id of the transaction that wrote the (one) row of {@code table} of a rule. */
    private String xmin(String table, UUID ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT CAST(xmin AS text) FROM " + table + " WHERE rule_id = :id").setParameter("id", ruleId)
                .getSingleResult());
    }
}
