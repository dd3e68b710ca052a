package io.nanopulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.alerts.client.ServiceIdentity;
import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.ChangePublisher;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.WebhookReceiver;
import io.nanopulse.contracts.MetricChange;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.nanopulse.alerts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through real Kafka, PostgreSQL and HTTP: metric-changes → rule state machine → outbox →
 * signed webhook (verified by the receiver's own HMAC code) and SSE.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class AlertFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WINDOW = "P12M";

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL prometheus;

    private WebhookReceiver receiver;
    private String owner;
    private String subscriberId;
    private String institution;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        owner = "owner-" + UUID.randomUUID();
        var sub = Api.subscriber(owner, receiver.url());
        subscriberId = sub.getString("id");
        receiver.trust(sub.getString("secret"));
        institution = "inst-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        MetricsStub.down(false);
        receiver.close();
    }

    private void share(double value) {
        MetricsStub.set("INSTITUTION", institution, WINDOW, "share", value);
    }

    private String shareRule(double threshold, Double recovery) {
        Map<String, Object> r = new HashMap<>();
        r.put("subscriberId", subscriberId);
        r.put("name", "share of " + institution);
        r.put("subject", Map.of("kind", "INSTITUTION", "key", institution));
        r.put("metric", "share");
        r.put("window", WINDOW);
        r.put("condition", "ABOVE");
        r.put("threshold", threshold);
        if (recovery != null) {
            r.put("recoveryThreshold", recovery);
        }
        String id = Api.rule(owner, r);
        // A new rule is evaluated at once.
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, id).isAfter(Instant.EPOCH));
        return id;
    }

    /** Publishes the change and waits until the rule has been evaluated after it. */
    private void publishAndAwait(String ruleId, MetricChange change) {
        Instant before = Api.lastEvaluated(owner, ruleId);
        ChangePublisher.publish(change);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(before));
    }

    private MetricChange change() {
        return ChangePublisher.change(false, SubjectKind.INSTITUTION, institution);
    }

    private List<String> types() {
        return receiver.accepted().stream().map(r -> body(r).get("type").asText()).toList();
    }

    private static JsonNode body(WebhookReceiver.Received r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void firesOnceResolvesOnceWithHysteresisAndIgnoresRedeliveries() {
        share(0.40);
        String ruleId = shareRule(0.45, 0.44);
        assertEquals("OK", Api.state(owner, ruleId).getString("state"));

        share(0.46);
        MetricChange crossing = change();
        publishAndAwait(ruleId, crossing);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertEquals("FIRING", Api.state(owner, ruleId).getString("state"));
        // metrics-service was asked as alerts-service itself (the stub refuses unproven calls).
        assertEquals(ForwardedIdentity.of(ServiceIdentity.PRINCIPAL, "read"), MetricsStub.lastCaller());

        // The same record again (a redelivery), then values oscillating between the two thresholds.
        publishAndAwait(ruleId, crossing);
        for (double v : new double[]{0.445, 0.451, 0.4405, 0.449}) {
            share(v);
            publishAndAwait(ruleId, change());
        }
        var state = Api.state(owner, ruleId);
        assertEquals("FIRING", state.getString("state"));
        assertEquals(1, state.getInt("transitionCount"), "no flapping, no duplicate");

        share(0.43);
        publishAndAwait(ruleId, change());
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        publishAndAwait(ruleId, change());
        assertEquals(List.of("io.nanopulse.alert.firing", "io.nanopulse.alert.resolved"), types());
        assertEquals(2, Api.state(owner, ruleId).getInt("transitionCount"));

        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(2, got.size(), "nothing sent twice");
        assertEquals(2, got.stream().map(WebhookReceiver.Received::webhookId).distinct().count());
        for (var r : got) {
            assertTrue(r.verified(), "signature verified by the receiver's own HMAC");
            assertEquals("application/cloudevents+json", r.contentType());
            assertTrue(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond()) < 300);
        }
        // Triggered by a Kafka record: the webhook joins the trace of its consumption (W3C traceparent).
        assertTrue(got.get(0).traceparent() != null && got.get(0).traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                "traceparent " + got.get(0).traceparent());
        JsonNode firing = body(got.get(0));
        assertEquals("1.0", firing.get("specversion").asText());
        assertEquals("/nanopulse/alerts-service", firing.get("source").asText());
        JsonNode data = firing.get("data");
        assertEquals(ruleId, data.get("rule").get("id").asText());
        assertEquals("share", data.get("rule").get("metric").asText());
        assertEquals("INSTITUTION", data.get("subject").get("kind").asText());
        assertEquals(institution, data.get("subject").get("key").asText());
        assertEquals(WINDOW, data.get("window").asText());
        assertEquals(0.46, data.get("value").asDouble(), 1e-9);
        assertEquals(0.45, data.get("threshold").asDouble(), 1e-9);
        assertEquals("OK", data.get("transition").get("from").asText());
        assertEquals("FIRING", data.get("transition").get("to").asText());
        assertTrue(data.get("links").get("rule").asText().endsWith("/api/v1/rules/" + ruleId));
        assertEquals("http://127.0.0.1:8080/api/v1/figures?kind=INSTITUTION&key="
                        + java.net.URLEncoder.encode(institution, java.nio.charset.StandardCharsets.UTF_8) + "&window=" + WINDOW,
                data.get("links").get("figures").asText());
        JsonNode resolved = body(got.get(1)).get("data");
        assertEquals(0.43, resolved.get("value").asDouble(), 1e-9);
        assertEquals("RESOLVED", resolved.get("transition").get("kind").asText());

        // The delivery log shows both, delivered, under the webhook-ids the receiver saw.
        var deliveries = Api.deliveries(owner, subscriberId);
        assertEquals(List.of("DELIVERED", "DELIVERED"), deliveries.getList("items.status"));
        assertEquals(got.stream().map(WebhookReceiver.Received::webhookId).sorted().toList(),
                deliveries.<String>getList("items.webhookId").stream().sorted().toList());
        assertEquals(204, deliveries.getInt("items[0].attemptLog[0].statusCode"));
    }

    @Test
    void globalChangeReevaluatesShareRules() {
        share(0.10);
        String ruleId = shareRule(0.20, null);
        share(0.25);
        // The institution itself is not listed: only the global denominator moved.
        publishAndAwait(ruleId, ChangePublisher.change(true, SubjectKind.COUNTRY, "ZZ"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        assertEquals("FIRING", Api.state(owner, ruleId).getString("state"));
    }

    @Test
    void aChangeIsNotLostWhileMetricsServiceIsDown() {
        share(0.10);
        String ruleId = shareRule(0.20, null);
        Instant before = Api.lastEvaluated(owner, ruleId);
        MetricsStub.down(true);
        share(0.30);
        int calls = MetricsStub.calls();
        ChangePublisher.publish(change());
        // The consumer keeps retrying the unacknowledged batch...
        await().atMost(Duration.ofSeconds(20)).until(() -> MetricsStub.calls() >= calls + 4);
        assertEquals(before, Api.lastEvaluated(owner, ruleId));
        assertEquals(0, receiver.received().size());
        // ...and evaluates it once metrics-service is back.
        MetricsStub.down(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
        assertEquals("FIRING", Api.state(owner, ruleId).getString("state"));
    }

    @Test
    void sseStreamReceivesTransitionsLive() throws Exception {
        share(0.10);
        String ruleId = shareRule(0.20, null);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        String path = "/subscribers/" + subscriberId + "/stream";
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path));
        GatewayProof.as(owner, "alerts").headers("GET", path).forEach(builder::header);
        var request = builder.header("accept", "text/event-stream").build();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = response.get(10, TimeUnit.SECONDS);
        assertEquals(200, open.statusCode());
        Thread reader = new Thread(() -> {
            try {
                open.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        share(0.30);
        publishAndAwait(ruleId, change());
        String event = poll(lines, "data:");
        JsonNode ce = JSON.readTree(event.substring("data:".length()).trim());
        assertEquals("io.nanopulse.alert.firing", ce.get("type").asText());
        assertEquals(ruleId, ce.get("data").get("rule").get("id").asText());

        share(0.05);
        publishAndAwait(ruleId, change());
        JsonNode resolved = JSON.readTree(poll(lines, "data:").substring("data:".length()).trim());
        assertEquals("io.nanopulse.alert.resolved", resolved.get("type").asText());
        // The same transitions went to the webhook, under the same CloudEvent ids.
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        assertEquals(List.of(ce.get("id").asText(), resolved.get("id").asText()),
                receiver.accepted().stream().map(r -> body(r).get("id").asText()).toList());
        open.body().close();
    }

    private static String poll(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no SSE line starting with " + prefix);
    }

    @Test
    void ruleStateShowsTransitions() {
        share(0.50);
        String ruleId = shareRule(0.45, null); // fires at once on creation
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
        var state = Api.state(owner, ruleId);
        assertEquals("FIRING", state.getString("state"));
        assertEquals("FIRING", state.getString("recentTransitions[0].kind"));
        assertNotNull(state.getString("recentTransitions[0].at"));
        as(owner).get("/rules/" + ruleId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                Api.deliveries(owner, subscriberId).getString("items[0].status")));
        String metrics = RestAssured.given().get(prometheus).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("nanopulse_alerts_transitions_total{"), "transition counter exported");
        assertTrue(metrics.contains("nanopulse_alerts_webhook_deliveries_total{outcome=\"delivered\"}"), "delivery counter exported");
        assertTrue(metrics.contains("nanopulse_alerts_webhook_latency_seconds"), "latency timer exported");
    }
}
