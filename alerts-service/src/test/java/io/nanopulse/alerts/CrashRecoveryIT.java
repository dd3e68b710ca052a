package io.nanopulse.alerts;

import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.PackagedAlerts;
import io.nanopulse.alerts.support.WebhookReceiver;
import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application is killed (SIGKILL) while a webhook call is in flight, then started again
 * on the same database: the transition is not lost, not repeated, and the webhook is sent again under
 * the same webhook-id (the only duplicate allowed).
 */
class CrashRecoveryIT {
    private static final String OWNER = "crash-owner";
    private final WebhookReceiver receiver = new WebhookReceiver();
    private Process app;
    private int port;
    private int managementPort;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        receiver.close();
    }

    private void launch(Map<String, String> props) throws Exception {
        app = PackagedAlerts.launch(props, Map.of(), "crash-recovery-app.log", managementPort);
    }

    private RequestSpecification api() {
        return RestAssured.given().port(port).filter(GatewayProof.as(OWNER, "alerts")).contentType(ContentType.JSON);
    }

    @Test
    void killedMidDeliveryThenRestartedLosesNothing() throws Exception {
        String database = "alerts_crash";
        var pg = PostgresTestResource.server();
        pg.ensureDatabase(database, "crash-pw");
        String metricsUrl = new MetricsStub().start().get("quarkus.rest-client.metrics.url");
        port = Ports.free();
        managementPort = Ports.free();
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.management.port", Integer.toString(managementPort));
        props.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        props.put("quarkus.datasource.username", database);
        props.put("quarkus.datasource.password", "crash-pw");
        props.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
        props.put("quarkus.rest-client.metrics.url", metricsUrl);
        props.put("nanopulse.alerts.webhook.allow-hosts", "127.0.0.1");
        props.put("nanopulse.alerts.delivery.lease", "3s");
        props.put("nanopulse.alerts.delivery.poll-interval", "1s");
        props.put("nanopulse.alerts.evaluation.initial-delay", "1s");
        launch(props);

        String key = "inst-" + UUID.randomUUID();
        MetricsStub.set("INSTITUTION", key, "ALL", "share", 0.9);
        JsonPath sub = api().body(Map.of("name", "crash", "webhookUrl", receiver.url())).post("/subscribers")
                .then().statusCode(201).extract().jsonPath();
        receiver.trust(sub.getString("secret"));
        receiver.holdNext(Duration.ofSeconds(30));
        String ruleId = api().body(Map.of("subscriberId", sub.getString("id"), "name", "crash rule",
                        "subject", Map.of("kind", "INSTITUTION", "key", key), "metric", "share", "window", "ALL",
                        "condition", "ABOVE", "threshold", 0.5))
                .post("/rules").then().statusCode(201).extract().path("id");

        // The rule fires at once; the webhook call arrives and is held: kill the service mid-delivery.
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.arrivals() == 1);
        app.destroyForcibly().waitFor();
        app = null;

        launch(props);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api()
                .get("/subscribers/" + sub.getString("id") + "/deliveries").then().extract().path("items[0].status")));

        var state = api().get("/rules/" + ruleId + "/state").then().statusCode(200).extract().jsonPath();
        assertEquals("FIRING", state.getString("state"));
        assertEquals(1, state.getInt("transitionCount"), "the transition was neither lost nor repeated");
        var deliveries = api().get("/subscribers/" + sub.getString("id") + "/deliveries").then().extract().jsonPath();
        assertEquals(1, deliveries.getInt("totalItems"));
        List<String> ids = receiver.received().stream().map(WebhookReceiver.Received::webhookId).distinct().toList();
        assertEquals(List.of(deliveries.getString("items[0].webhookId")), ids, "a duplicate, if any, has the same webhook-id");
        assertTrue(receiver.arrivals() >= 2, "sent again after the restart");
        assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Received::verified));
    }
}
