package io.nanopulse.alerts;

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
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.nanopulse.alerts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook delivery against a real receiver: retries, Retry-After, 410, redeliver, secret rotation. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class DeliveryTest {
    private static final String WINDOW = "P5Y";

    private WebhookReceiver receiver;
    private String owner;
    private String subscriberId;
    private String secret;
    private String key;
    private String ruleId;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        owner = "owner-" + UUID.randomUUID();
        var sub = Api.subscriber(owner, receiver.url());
        subscriberId = sub.getString("id");
        secret = sub.getString("secret");
        receiver.trust(secret);
        key = "inst-" + UUID.randomUUID();
        filings(10);
        Map<String, Object> r = new HashMap<>();
        r.put("subscriberId", subscriberId);
        r.put("name", "filings of " + key);
        r.put("subject", Map.of("kind", "INSTITUTION", "key", key));
        r.put("metric", "filings");
        r.put("window", WINDOW);
        r.put("condition", "ABOVE");
        r.put("threshold", 100);
        r.put("recoveryThreshold", 90);
        ruleId = Api.rule(owner, r);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(Instant.EPOCH));
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private void filings(long n) {
        MetricsStub.set("INSTITUTION", key, WINDOW, "filings", n);
    }

    private void moveTo(long n) {
        filings(n);
        Instant before = Api.lastEvaluated(owner, ruleId);
        ChangePublisher.publish(ChangePublisher.change(false, SubjectKind.INSTITUTION, key));
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(before));
    }

    private JsonPath deliveries() {
        return Api.deliveries(owner, subscriberId);
    }

    @Test
    void receiverDownThenUpGetsEachTransitionExactlyOnce() {
        receiver.stop();
        moveTo(150); // FIRING
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().getInt("items[0].attempts") >= 2);
        moveTo(50); // RESOLVED, while still down
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().getInt("totalItems") == 2);
        assertEquals(List.of("PENDING", "PENDING"), deliveries().getList("items.status"));
        assertTrue(deliveries().getString("items[1].attemptLog[0].error").contains("connection refused"));

        receiver.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries().getList("items.status").equals(List.of("DELIVERED", "DELIVERED")));

        Map<String, Long> acceptedPerId = receiver.accepted().stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
        assertEquals(2, acceptedPerId.size());
        acceptedPerId.values().forEach(n -> assertEquals(1L, n, "each webhook-id accepted once"));
        assertEquals(deliveries().<String>getList("items.webhookId").stream().sorted().toList(),
                acceptedPerId.keySet().stream().sorted().toList());
        assertTrue(receiver.accepted().stream().allMatch(WebhookReceiver.Received::verified));
        // The endpoint recovered: its failure streak is cleared.
        assertNull(as(owner).get("/subscribers/" + subscriberId).then().extract().path("webhook.failingSince"));
    }

    @Test
    void retryAfterIsHonoured() {
        receiver.answer(503, 2);
        moveTo(150);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveries().getString("items[0].status")));
        var log = deliveries();
        assertEquals(503, log.getInt("items[0].attemptLog[0].statusCode"));
        assertEquals(204, log.getInt("items[0].attemptLog[1].statusCode"));
        Instant first = Instant.parse(log.getString("items[0].attemptLog[0].at"));
        Instant second = Instant.parse(log.getString("items[0].attemptLog[1].at"));
        // The test schedule would retry after ~200 ms; the receiver asked for 2 s.
        assertTrue(Duration.between(first, second).compareTo(Duration.ofMillis(1900)) >= 0, first + " -> " + second);
        assertEquals(2, receiver.received().size());
        assertEquals(receiver.received().get(0).webhookId(), receiver.received().get(1).webhookId(),
                "the same webhook-id on every retry");
    }

    @Test
    void goneDisablesTheEndpointUntilItIsSavedAgain() {
        receiver.answer(410, -1);
        moveTo(150);
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(deliveries().getString("items[0].status")));
        as(owner).get("/subscribers/" + subscriberId).then().statusCode(200)
                .body("webhook.status", equalTo("DISABLED"))
                .body("webhook.disabledReason", containsString("410"));
        String deliveryId = deliveries().getString("items[0].id");

        // Disabled: a new transition creates no delivery and redeliver is refused.
        moveTo(50);
        assertEquals(1, deliveries().getInt("totalItems"));
        as(owner).post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(409)
                .contentType("application/problem+json");

        // Saving the URL again re-enables it; redeliver sends the same message again.
        as(owner).body(Map.of("name", "again", "webhookUrl", receiver.url())).put("/subscribers/" + subscriberId)
                .then().statusCode(200).body("webhook.status", equalTo("ENABLED"));
        as(owner).post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
        assertEquals(receiver.received().get(0).webhookId(), receiver.accepted().get(0).webhookId());
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(deliveries().getString("items[0].status")));
        // Another owner cannot redeliver it.
        as("intruder-" + UUID.randomUUID()).post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(404);
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() {
        String rotated = as(owner).post("/subscribers/" + subscriberId + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        receiver.trust(secret, rotated);
        moveTo(150);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
        var got = receiver.accepted().get(0);
        assertEquals(2, got.signature().split(" ").length);
        assertEquals(List.of(0, 1), got.verifiedWith(), "old and new secret both verify");
    }
}
