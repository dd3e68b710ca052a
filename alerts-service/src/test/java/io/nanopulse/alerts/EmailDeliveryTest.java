package io.nanopulse.alerts;

import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.ChangePublisher;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.SmtpRelayResource;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.testkit.infra.SmtpRelay;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nanopulse.alerts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail as a channel against a real SMTP server: confirmation first, then one message per transition under the
 * Message-ID of its delivery, retried through an SMTP outage, digests, and refused addresses.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpRelayResource.class, scope = TestResourceScope.GLOBAL)
class EmailDeliveryTest {
    private static final String WINDOW = "P5Y";
    private static final SmtpRelay MAIL = SmtpRelayResource.RELAY;

    private final String owner = "owner-" + UUID.randomUUID();
    private final String key = "inst-" + UUID.randomUUID();
    private final String address = "analyst-" + UUID.randomUUID() + "@example.org";
    private String subscriberId;
    private String ruleId;

    @AfterEach
    void serverUp() {
        MAIL.up();
    }

    private void subscribe(String digest) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "analyst", "email", address));
        if (digest != null) {
            body.put("emailDigest", digest);
        }
        subscriberId = as(owner).body(body).post("/subscribers").then().statusCode(201)
                .body("email", equalTo(address)).body("emailConfirmed", equalTo(false))
                .extract().path("id");
        MetricsStub.set("INSTITUTION", key, WINDOW, "filings", 10);
        Map<String, Object> r = new HashMap<>();
        r.put("subscriberId", subscriberId);
        r.put("name", "filings of <" + key + "> & more");
        r.put("subject", Map.of("kind", "INSTITUTION", "key", key));
        r.put("metric", "filings");
        r.put("window", WINDOW);
        r.put("condition", "ABOVE");
        r.put("threshold", 100);
        r.put("recoveryThreshold", 90);
        ruleId = Api.rule(owner, r);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(Instant.EPOCH));
    }

    private void moveTo(long n) {
        MetricsStub.set("INSTITUTION", key, WINDOW, "filings", n);
        Instant before = Api.lastEvaluated(owner, ruleId);
        ChangePublisher.publish(ChangePublisher.change(false, SubjectKind.INSTITUTION, key));
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.lastEvaluated(owner, ruleId).isAfter(before));
    }

    private JsonPath deliveries() {
        return Api.deliveries(owner, subscriberId);
    }

    private List<MimeMessage> alerts() {
        return MAIL.messagesTo(address).stream().filter(m -> SmtpRelay.header(m, "X-Nanopulse-Delivery") != null).toList();
    }

    private void confirm() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !MAIL.messagesTo(address).isEmpty());
        String token = SmtpRelay.confirmationToken(MAIL.messagesTo(address).get(0));
        as("anyone").body(Map.of("token", token)).post("/email-confirmations").then().statusCode(200)
                .body("subscriberId", equalTo(subscriberId)).body("email", equalTo(address));
        as("anyone").body(Map.of("token", token)).post("/email-confirmations").then().statusCode(404)
                .contentType("application/problem+json");
        as(owner).get("/subscribers/" + subscriberId).then().body("emailConfirmed", equalTo(true));
    }

    @Test
    void confirmedAddressGetsOneMessagePerTransitionRetriedThroughAnOutage() {
        subscribe(null);
        moveTo(150); // FIRING before confirmation: nothing for the address
        assertEquals(0, deliveries().getInt("totalItems"));
        as("anyone").body(Map.of("token", "x".repeat(43))).post("/email-confirmations").then().statusCode(404);
        confirm();

        moveTo(50); // RESOLVED
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveries().getString("items[0].status")));
        JsonPath log = deliveries();
        assertEquals("EMAIL", log.getString("items[0].channel"));
        String resolvedId = log.getString("items[0].id");
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts().size() == 1);
        MimeMessage resolved = alerts().get(0);
        assertEquals("<" + resolvedId + "@nanopulse>", SmtpRelay.header(resolved, "Message-ID"));
        assertEquals(log.getString("items[0].webhookId"), resolvedId + "@nanopulse");
        String text = SmtpRelay.part(resolved, "text/plain");
        String html = SmtpRelay.part(resolved, "text/html");
        assertTrue(text.contains("RESOLVED: filings of <" + key + "> & more"), text);
        assertTrue(text.contains("Value: 50 (threshold 100)"), text);
        assertTrue(text.contains("Previous value: 150"), text);
        assertTrue(text.contains("/rules?rule=" + ruleId), text);
        assertTrue(html.contains("filings of &lt;" + key + "&gt; &amp; more"), html);
        assertTrue(html.contains("Previous value: 150"), html);

        // The relay is down: the delivery is retried, then sent once when it is back.
        MAIL.down();
        moveTo(150); // FIRING
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().getInt("items[0].attempts") >= 2);
        assertEquals("PENDING", deliveries().getString("items[0].status"));
        String firingId = deliveries().getString("items[0].id");
        MAIL.up();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(deliveries().getString("items[0].status")));
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts().size() == 2);
        List<String> ids = alerts().stream().map(m -> SmtpRelay.header(m, "Message-ID")).toList();
        assertEquals(List.of("<" + resolvedId + "@nanopulse>", "<" + firingId + "@nanopulse>"), ids);
        assertTrue(SmtpRelay.part(alerts().get(1), "text/plain").contains("Value: 150"));
        assertEquals(2, deliveries().getInt("totalItems"), "one delivery per transition");

        // Redeliver sends the same message again, under the same Message-ID (mail clients show it once).
        as(owner).post("/deliveries/" + resolvedId + "/redeliver").then().statusCode(202).body("channel", equalTo("EMAIL"));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts().size() == 3);
        assertEquals("<" + resolvedId + "@nanopulse>", SmtpRelay.header(alerts().get(2), "Message-ID"));
    }

    @Test
    void aRetryingSingleEmailNeverCarriesTransitionsMadeAfterTheSwitchToADigest() {
        subscribe(null);
        confirm();
        MAIL.down();
        moveTo(150); // FIRING: a single e-mail, retrying
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().getInt("items[0].attempts") >= 1);
        String firingId = deliveries().getString("items[0].id");
        as(owner).body(Map.of("name", "analyst", "email", address, "emailDigest", "PT1S"))
                .put("/subscribers/" + subscriberId).then().statusCode(200).body("emailConfirmed", equalTo(true));
        moveTo(50); // RESOLVED: enqueued for a digest
        MAIL.up();
        await().atMost(Duration.ofSeconds(40)).until(() -> deliveries().getList("items.status")
                .equals(List.of("DELIVERED", "DELIVERED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts().size() == 2);
        JsonPath log = deliveries();
        String resolvedId = log.getString("items[0].id");
        Map<String, String> textById = new HashMap<>();
        for (MimeMessage m : alerts()) {
            textById.put(SmtpRelay.header(m, "Message-ID"), SmtpRelay.part(m, "text/plain"));
        }
        assertEquals(2, textById.size(), "two distinct Message-IDs");
        String firing = textById.get("<" + firingId + "@nanopulse>");
        String resolved = textById.get("<" + resolvedId + "@nanopulse>");
        assertTrue(firing.contains("Value: 150") && !firing.contains("Value: 50 "), firing);
        assertTrue(resolved.contains("Value: 50 ") && !resolved.contains("Value: 150"), resolved);
    }

    @Test
    void digestListsTheTransitionsOfAnIntervalInOneMessage() {
        subscribe("PT10S");
        confirm();
        moveTo(150);
        moveTo(50);
        await().atMost(Duration.ofSeconds(40)).until(() -> deliveries().getList("items.status")
                .equals(List.of("DELIVERED", "DELIVERED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts().size() == 1);
        JsonPath log = deliveries();
        assertEquals(log.getString("items[0].webhookId"), log.getString("items[1].webhookId"), "one message");
        MimeMessage digest = alerts().get(0);
        assertEquals("<" + log.getString("items[0].webhookId") + ">", SmtpRelay.header(digest, "Message-ID"));
        String text = SmtpRelay.part(digest, "text/plain");
        assertTrue(text.contains("FIRING: filings of") && text.contains("RESOLVED: filings of"), text);
        assertTrue(SmtpRelay.header(digest, "Subject").contains("2 alert transitions"));
        int attempts = log.getInt("items[0].attempts");
        assertEquals(attempts, log.getInt("items[1].attempts"), "members show the lead's attempts");

        // Redelivering a member sends the digest again and completes every delivery it lists again.
        String leadId = log.getString("items[0].webhookId").replace("@nanopulse", "");
        String memberId = log.getList("items.id").stream().map(String::valueOf).filter(id -> !id.equals(leadId))
                .findFirst().orElseThrow();
        as(owner).post("/deliveries/" + memberId + "/redeliver").then().statusCode(202).body("id", equalTo(leadId));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts().size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().getList("items.attempts")
                .equals(List.of(attempts + 1, attempts + 1)));
        assertEquals(List.of("DELIVERED", "DELIVERED"), deliveries().getList("items.status"));
    }

    @Test
    void badAddressesAndDigestsAreRefusedNamingTheField() {
        for (String bad : List.of("Ann <ann@example.org>", "ann@example.org\r\nBcc: eve@example.org", "not-an-address",
                "a".repeat(250) + "@example.org", "ann@exa mple.org", "\"ann\"@example.org", "root@localhost")) {
            as(owner).body(Map.of("name", "x", "email", bad)).post("/subscribers").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("email"));
        }
        as(owner).body(Map.of("name", "x", "email", "not-an-address", "webhookUrl", "ftp://example.org/hook"))
                .post("/subscribers").then().statusCode(400)
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("webhookUrl"));
        for (String bad : List.of("P2D", "PT0.5S", "hourly", "")) {
            as(owner).body(Map.of("name", "x", "email", address, "emailDigest", bad)).post("/subscribers").then()
                    .statusCode(400).body("errors.field", hasItem("emailDigest"));
        }
        as(owner).body(Map.of("name", "x", "emailDigest", "PT1H")).post("/subscribers").then().statusCode(400)
                .body("errors.field", hasItem("emailDigest"));
        as(owner).body(Map.of("name", "x", "email", address, "emailDigest", "PT1H")).post("/subscribers").then()
                .statusCode(201).body("emailDigest", equalTo("PT1H"));
    }

    @Test
    void confirmationCanBeSentAgainAndAChangedAddressMustBeConfirmedAgain() {
        subscribe(null);
        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.messagesTo(address).size() == 1);
        String first = SmtpRelay.confirmationToken(MAIL.messagesTo(address).get(0));
        as(owner).post("/subscribers/" + subscriberId + "/email-confirmation").then().statusCode(202)
                .body("emailConfirmed", equalTo(false));
        String retryAfter = as(owner).post("/subscribers/" + subscriberId + "/email-confirmation").then().statusCode(429)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.RATE_LIMITED.uri()))
                .body("detail", containsString("resend-interval")).extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, "Retry-After " + retryAfter);
        as("intruder-" + UUID.randomUUID()).post("/subscribers/" + subscriberId + "/email-confirmation").then()
                .statusCode(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.messagesTo(address).size() == 2);
        String second = SmtpRelay.confirmationToken(MAIL.messagesTo(address).get(1));
        as("anyone").body(Map.of("token", first)).post("/email-confirmations").then().statusCode(404);
        as("anyone").body(Map.of("token", second)).post("/email-confirmations").then().statusCode(200);
        as(owner).post("/subscribers/" + subscriberId + "/email-confirmation").then().statusCode(409);

        String other = "other-" + UUID.randomUUID() + "@example.org";
        as(owner).body(Map.of("name", "analyst", "email", other)).put("/subscribers/" + subscriberId).then()
                .statusCode(200).body("email", equalTo(other)).body("emailConfirmed", equalTo(false));
        moveTo(150);
        assertEquals(0, deliveries().getInt("totalItems"), "nothing for an unconfirmed address");
        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.messagesTo(other).size() == 1);
    }
}
