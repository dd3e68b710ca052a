package io.nanopulse.alerts;

import io.nanopulse.alerts.support.ChangePublisher;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.PackagedAlerts;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.testkit.infra.Ports;
import io.nanopulse.testkit.infra.SmtpRelay;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail alerts from the packaged application to a real SMTP server (GreenMail) on loopback: a confirmed address
 * gets one message per transition, whose Message-ID names the delivery. The service is killed (SIGKILL) while
 * a transition's message is being sent and started again on the same database: the message arrives once. An SMTP
 * server down for a minute is retried with backoff until it takes the message, once.
 */
class EmailRecoveryIT {
    private static final String DATABASE = "alerts_email";
    private static final String PASSWORD = "email-pw";
    private static final String OWNER = "email-owner";
    private static final Duration RELAY_CYCLES = Duration.ofSeconds(12); // past the 10 s lease
    private static final SmtpRelay MAIL = new SmtpRelay();
    private static final Map<String, String> PROPS = new HashMap<>();
    private static final Map<String, String> ENV = new HashMap<>();
    private static Process app;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        PostgresTestResource.server().ensureDatabase(DATABASE, PASSWORD);
        String metricsUrl = new MetricsStub().start().get("quarkus.rest-client.metrics.url");
        port = Ports.free();
        managementPort = Ports.free();
        PROPS.put("quarkus.http.port", Integer.toString(port));
        PROPS.put("quarkus.management.port", Integer.toString(managementPort));
        PROPS.put("quarkus.datasource.jdbc.url", PostgresTestResource.server().jdbcUrl(DATABASE));
        PROPS.put("quarkus.datasource.username", DATABASE);
        PROPS.put("quarkus.datasource.password", PASSWORD);
        PROPS.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
        PROPS.put("quarkus.rest-client.metrics.url", metricsUrl);
        PROPS.put("nanopulse.alerts.delivery.lease", "10s");
        PROPS.put("nanopulse.alerts.delivery.poll-interval", "1s");
        PROPS.put("nanopulse.alerts.delivery.retry.initial-interval", "2s");
        PROPS.put("nanopulse.alerts.delivery.retry.multiplier", "2");
        PROPS.put("nanopulse.alerts.delivery.retry.max-interval", "15s");
        PROPS.put("nanopulse.alerts.delivery.retry.max-attempts", "30");
        PROPS.put("nanopulse.alerts.evaluation.initial-delay", "1s");
        PROPS.put("nanopulse.alerts.email.send-timeout", "5s"); // lease >= send-timeout + 5s
        // SMTP as an operator sets it: the test's server, plain on loopback, no login.
        ENV.put("NANOPULSE_SMTP_HOST", "127.0.0.1");
        ENV.put("NANOPULSE_SMTP_PORT", Integer.toString(MAIL.port()));
        ENV.put("NANOPULSE_SMTP_FROM", "alerts@example.com");
        ENV.put("NANOPULSE_SMTP_START_TLS", "DISABLED");
        MAIL.up();
        launch();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        MAIL.close();
    }

    @Test
    void aTransitionWhoseMessageWasInFlightWhenTheServiceDiedIsMailedOnceAfterTheRestart() throws Exception {
        String address = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String sub = confirmedSubscriber(address);
        int confirmations = MAIL.messagesTo(address).size();

        // The SMTP server accepts connections but never greets: the alert's send stays in flight.
        MAIL.stall();
        int stalledBefore = MAIL.stalledConnections();
        String ruleId = firingRule(sub, "INSTITUTION", "inst-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.stalledConnections() > stalledBefore);
        JsonPath before = deliveries(sub);
        assertEquals(1, before.getInt("totalItems"), "the transition and its delivery are committed");
        assertEquals("EMAIL", before.getString("items[0].channel"));
        assertEquals("PENDING", before.getString("items[0].status"));
        String deliveryId = before.getString("items[0].id");

        app.destroyForcibly().waitFor();
        app = null;
        MAIL.up();
        launch();

        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(deliveries(sub).getString("items[0].status")));
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(address, confirmations).size() == 1);
        // No second message, not even after further relay cycles past the lease.
        await().during(RELAY_CYCLES).atMost(RELAY_CYCLES.multipliedBy(3)).until(() -> alerts(address, confirmations).size() == 1);

        MimeMessage mail = alerts(address, confirmations).get(0);
        assertMessageIdNames(mail, deliveries(sub), deliveryId);
        JsonPath after = deliveries(sub);
        assertEquals(1, after.getInt("totalItems"));
        assertEquals(deliveryId, after.getString("items[0].id"));
        JsonPath state = state(ruleId);
        assertEquals("FIRING", state.getString("state"));
        assertEquals(1, state.getInt("transitionCount"), "the transition was neither lost nor repeated");
    }

    @Test
    void anSmtpServerDownForAMinuteIsRetriedWithBackoffAndGetsOneMessagePerTransition() throws Exception {
        String address = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String sub = confirmedSubscriber(address);
        int confirmations = MAIL.messagesTo(address).size();

        MAIL.down();
        Instant down = Instant.now();
        String key = "inst-" + UUID.randomUUID();
        String ruleId = firingRule(sub, "INSTITUTION", key);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(sub).getInt("totalItems") == 1);

        // A minute without an SMTP server: the delivery keeps failing, is kept and is scheduled again.
        Duration left = Duration.between(Instant.now(), down.plusSeconds(60));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        JsonPath during = deliveries(sub);
        String firing = during.getString("items[0].id");
        List<Map<String, Object>> failed = during.getList("items[0].attemptLog");
        assertEquals("PENDING", during.getString("items[0].status"), "still due after a minute of failures: " + failed);
        assertEquals("EMAIL", during.getString("items[0].channel"));
        assertTrue(during.getInt("items[0].attempts") >= 3, "retried while the server was down: " + failed);
        assertTrue(failed.size() >= 3 && failed.stream().allMatch(a -> a.get("error") != null), "every attempt failed: " + failed);
        // Backoff: after three or more failures the next try is scheduled further out than twice the first wait (2 s,
        // jitter 20 %); the wait only grows with the failures, so a slower machine makes this gap larger, not smaller.
        Instant lastTry = Instant.parse(String.valueOf(failed.get(failed.size() - 1).get("at")));
        Instant next = Instant.parse(during.getString("items[0].nextAttemptAt"));
        assertTrue(Duration.between(lastTry, next).compareTo(Duration.ofSeconds(4)) > 0,
                "the next attempt (" + next + ") is backed off after " + failed);
        assertTrue(alerts(address, confirmations).isEmpty());

        MAIL.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(deliveries(sub).getString("items[0].status")));
        JsonPath delivered = deliveries(sub);
        assertTrue(delivered.getInt("items[0].attempts") > failed.size(), "delivered by a retry after the outage");
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(address, confirmations).size() == 1);
        assertMessageIdNames(alerts(address, confirmations).get(0), deliveries(sub), firing);

        // The next transition (the rule resolves) is a second message with its own Message-ID.
        MetricsStub.set("INSTITUTION", key, "ALL", "share", 0.1);
        ChangePublisher.publish(ChangePublisher.change(false, SubjectKind.INSTITUTION, key));
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonPath d = deliveries(sub);
            return d.getInt("totalItems") == 2 && d.getList("items.status").stream().allMatch("DELIVERED"::equals);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(address, confirmations).size() == 2);
        await().during(RELAY_CYCLES).atMost(RELAY_CYCLES.multipliedBy(3)).until(() -> alerts(address, confirmations).size() == 2);

        JsonPath both = deliveries(sub);
        List<String> ids = both.getList("items.id");
        String resolved = ids.stream().filter(id -> !id.equals(firing)).findFirst().orElseThrow();
        List<MimeMessage> mails = alerts(address, confirmations);
        assertMessageIdNames(mails.get(1), both, resolved);
        assertNotEquals(SmtpRelay.header(mails.get(0), "Message-ID"), SmtpRelay.header(mails.get(1), "Message-ID"));
        JsonPath state = state(ruleId);
        assertEquals("OK", state.getString("state"));
        assertEquals(2, state.getInt("transitionCount"));
    }

    /** A subscriber with only an e-mail address, confirmed through the link in the confirmation mail. */
    private static String confirmedSubscriber(String address) {
        MAIL.up();
        JsonPath created = api().body(Map.of("name", "mail " + address, "email", address)).post("/subscribers")
                .then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertEquals(address, created.getString("email"));
        assertFalse(created.getBoolean("emailConfirmed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !MAIL.messagesTo(address).isEmpty());
        MimeMessage mail = MAIL.messagesTo(address).get(0);
        String token = SmtpRelay.confirmationToken(mail);
        // As the gateway forwards it: principal anonymous, no roles; the token is the credential.
        RestAssured.given().port(port).filter(GatewayProof.as("anonymous")).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/email-confirmations")
                .then().statusCode(200).body("subscriberId", equalTo(id));
        assertTrue(api().get("/subscribers/" + id).then().statusCode(200).extract().jsonPath().getBoolean("emailConfirmed"));
        return id;
    }

    /** A threshold rule whose value is already past its threshold: it fires when saved. */
    private static String firingRule(String sub, String kind, String key) {
        MetricsStub.set(kind, key, "ALL", "share", 0.9);
        return api().body(Map.of("subscriberId", sub, "name", "mail rule", "subject", Map.of("kind", kind, "key", key),
                        "metric", "share", "window", "ALL", "condition", "ABOVE", "threshold", 0.5, "recoveryThreshold", 0.4))
                .post("/rules").then().statusCode(201).extract().path("id");
    }

    /** The messages to {@code address} after its confirmation mail(s). */
    private static List<MimeMessage> alerts(String address, int confirmations) {
        List<MimeMessage> all = MAIL.messagesTo(address);
        return all.subList(Math.min(confirmations, all.size()), all.size());
    }

    /** The Message-ID is the delivery's (as its log shows it), derived from the delivery id. */
    private static void assertMessageIdNames(MimeMessage mail, JsonPath deliveries, String deliveryId) {
        String webhookId = deliveries.getString("items.find { it.id == '" + deliveryId + "' }.webhookId");
        String messageId = SmtpRelay.header(mail, "Message-ID");
        assertNotNull(messageId, "a Message-ID");
        assertEquals("<" + webhookId + ">", messageId);
        assertTrue(webhookId.contains(deliveryId), "Message-ID " + messageId + " names delivery " + deliveryId);
    }

    private static JsonPath deliveries(String sub) {
        return api().get("/subscribers/" + sub + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath state(String ruleId) {
        return api().get("/rules/" + ruleId + "/state").then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification api() {
        return RestAssured.given().port(port).filter(GatewayProof.as(OWNER, "alerts")).contentType(ContentType.JSON);
    }

    private static void launch() throws Exception {
        app = PackagedAlerts.launch(PROPS, ENV, "email-recovery-app.log", managementPort);
    }
}
