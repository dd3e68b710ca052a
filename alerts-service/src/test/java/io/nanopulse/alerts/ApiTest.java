package io.nanopulse.alerts;

import io.nanopulse.alerts.support.Api;
import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.alerts.support.WebhookReceiver;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nanopulse.alerts.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class ApiTest {
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @AfterAll
    static void close() {
        RECEIVER.close();
    }

    private static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    private static Map<String, Object> rule(String subscriberId) {
        Map<String, Object> r = new HashMap<>();
        r.put("subscriberId", subscriberId);
        r.put("name", "CN share above 45%");
        r.put("subject", Map.of("kind", "COUNTRY", "key", "CN"));
        r.put("metric", "share");
        r.put("window", "P12M");
        r.put("condition", "ABOVE");
        r.put("threshold", 0.45);
        r.put("recoveryThreshold", 0.44);
        return r;
    }

    @Test
    void missingProofIs401Problem() {
        given().get("/subscribers").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("X-Nanopulse-Proof"));
    }

    @Test
    void onlyAPrincipalTheGatewayProvedIsTrusted() {
        String owner = GatewayProof.TESTER.principal();
        String path = "/subscribers/" + Api.subscriber(owner, RECEIVER.url()).getString("id");
        GatewayProof.forgeries("GET", path).forEach((name, headers) -> {
            var r = given().headers(headers).get(path);
            assertEquals(401, r.statusCode(), name);
            assertEquals("application/problem+json", r.contentType(), name);
        });
        given().header("X-Nanopulse-Principal", owner).get(path).then().statusCode(401);
        as(owner).get(path).then().statusCode(200);
        as(owner()).get(path).then().statusCode(404);
    }

    @Test
    void secretIsShownOnceOnly() {
        String owner = owner();
        var created = Api.subscriber(owner, RECEIVER.url());
        String id = created.getString("id");
        assertEquals(true, created.getString("secret").startsWith("whsec_"));
        as(owner).get("/subscribers/" + id).then().statusCode(200)
                .body("secret", nullValue())
                .body("webhook.status", equalTo("ENABLED"))
                .body(not(containsString("whsec_")));
        as(owner).get("/subscribers").then().statusCode(200).body(not(containsString("whsec_")));
        String rotated = as(owner).post("/subscribers/" + id + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
        org.junit.jupiter.api.Assertions.assertNotEquals(created.getString("secret"), rotated);
        as(owner).get("/subscribers/" + id).then().body(not(containsString("whsec_")))
                .body("previousSecretValidUntil", not(nullValue()));
    }

    @Test
    void theStreamUrlIsThePublicApisPath() {
        String owner = owner();
        String id = Api.subscriber(owner, RECEIVER.url()).getString("id");
        String expected = "http://127.0.0.1:8080/api/v1/subscribers/" + id + "/stream"; // public-base-url's default
        as(owner).get("/subscribers/" + id).then().statusCode(200).body("streamUrl", equalTo(expected));
        as(owner).get("/subscribers").then().statusCode(200).body("items[0].streamUrl", equalTo(expected));
    }

    @Test
    void institutionRulesTakeAnyHolderNameEventsAllowInItsNameKeyForm() {
        String owner = owner();
        String sub = Api.subscriber(owner, RECEIVER.url()).getString("id");
        String longName = "Institute Of " + "Nano".repeat(122) + "  Research";
        Map<String, Object> r = rule(sub);
        r.put("subject", Map.of("kind", "INSTITUTION", "key", longName));
        String ruleId = Api.rule(owner, r);
        String key = "institute of " + "nano".repeat(122) + " research";
        as(owner).get("/rules/" + ruleId).then().statusCode(200).body("subject.key", equalTo(key));
        r.put("subject", Map.of("kind", "INSTITUTION", "key", "x".repeat(513)));
        as(owner).body(r).post("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("subject.key"));
    }

    @Test
    void ownersNeverSeeEachOther() {
        String alice = owner();
        String bob = owner();
        String sub = Api.subscriber(alice, RECEIVER.url()).getString("id");
        String ruleId = Api.rule(alice, rule(sub));

        as(bob).get("/subscribers/" + sub).then().statusCode(404).contentType("application/problem+json");
        as(bob).body(Map.of("name", "x")).put("/subscribers/" + sub).then().statusCode(404);
        as(bob).delete("/subscribers/" + sub).then().statusCode(404);
        as(bob).post("/subscribers/" + sub + "/rotate-secret").then().statusCode(404);
        as(bob).get("/subscribers/" + sub + "/deliveries").then().statusCode(404);
        as(bob).get("/subscribers/" + sub + "/stream").then().statusCode(404);
        as(bob).get("/rules/" + ruleId).then().statusCode(404);
        as(bob).get("/rules/" + ruleId + "/state").then().statusCode(404);
        as(bob).body(rule(sub)).put("/rules/" + ruleId).then().statusCode(404);
        as(bob).delete("/rules/" + ruleId).then().statusCode(404);
        as(bob).get("/rules").then().statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(0));
        // Bob cannot attach a rule or a silence to Alice's subscriber either.
        as(bob).body(rule(sub)).post("/rules").then().statusCode(400)
                .body("errors.field", hasItem("subscriberId"));
        as(bob).body(Map.of("ruleId", ruleId, "endsAt", "2999-01-01T00:00:00Z")).post("/silences").then().statusCode(400)
                .body("errors.field", hasItem("ruleId"));
        // Alice still sees everything.
        as(alice).get("/rules/" + ruleId).then().statusCode(200).body("subject.key", equalTo("CN"));
        as(alice).get("/rules").then().statusCode(200).body("items.id", hasItem(ruleId));
    }

    @Test
    void invalidRulesAreRefusedWithFieldAndReason() {
        String owner = owner();
        String sub = Api.subscriber(owner, RECEIVER.url()).getString("id");

        var wrongSide = rule(sub);
        wrongSide.put("recoveryThreshold", 0.46);
        as(owner).body(wrongSide).post("/rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("recoveryThreshold"))
                .body("errors[0].reason", containsString("at or below threshold"));

        var percent = rule(sub);
        percent.put("threshold", 45);
        percent.remove("recoveryThreshold");
        as(owner).body(percent).post("/rules").then().statusCode(400)
                .body("errors.field", hasItem("threshold"))
                .body("errors.reason", hasItem(containsString("[0,1]")));

        var kind = rule(sub);
        kind.put("subject", Map.of("kind", "PLANET", "key", "earth"));
        as(owner).body(kind).post("/rules").then().statusCode(400)
                .body("errors.field", hasItem("subject.kind"));

        var window = rule(sub);
        window.put("window", "12 months");
        as(owner).body(window).post("/rules").then().statusCode(400)
                .body("errors.field", hasItem("window"));

        as(owner).body("{\"name\": ").post("/rules").then().statusCode(400)
                .contentType("application/problem+json");
        as(owner).body("{\"threshold\": \"high\"}").post("/rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("threshold"));
        as(owner).body(Map.of("name", "")).post("/subscribers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void ssrfTargetsAreRefused() {
        String owner = owner();
        Map<String, String> cases = Map.of(
                "http://169.254.169.254/latest/meta-data/", "cloud metadata",
                "http://10.0.0.1/hook", "private",
                "http://localhost:" + RECEIVER.url().replaceAll(".*:(\\d+)/.*", "$1") + "/hook", "loopback",
                "http://127.0.0.2/hook", "loopback",
                "http://[::1]/hook", "loopback",
                "ftp://example.com/hook", "http or https");
        cases.forEach((url, reason) -> as(owner).body(Map.of("name", "x", "webhookUrl", url)).post("/subscribers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("webhookUrl"))
                .body("errors[0].reason", containsString(reason)));
        // 127.0.0.1 is allowlisted in the test profile (nanopulse.alerts.webhook.allow-hosts).
        as(owner).body(Map.of("name", "x", "webhookUrl", RECEIVER.url())).post("/subscribers").then().statusCode(201);
    }

    @Test
    void listsArePaginated() {
        String owner = owner();
        for (int i = 0; i < 3; i++) {
            Api.subscriber(owner, RECEIVER.url());
        }
        as(owner).queryParam("size", 2).get("/subscribers").then().statusCode(200)
                .body("items", hasSize(2)).body("totalItems", equalTo(3)).body("page", equalTo(0));
        as(owner).queryParam("size", 2).queryParam("page", 1).get("/subscribers").then().statusCode(200)
                .body("items", hasSize(1));
        as(owner).queryParam("size", 0).get("/subscribers").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void silencesNeedAScopeAndAFutureEnd() {
        String owner = owner();
        as(owner).body(Map.of("endsAt", "2999-01-01T00:00:00Z")).post("/silences").then().statusCode(400)
                .body("errors.field", hasItem("ruleId"));
        String sub = Api.subscriber(owner, RECEIVER.url()).getString("id");
        as(owner).body(Map.of("subscriberId", sub, "endsAt", "2001-01-01T00:00:00Z")).post("/silences").then()
                .statusCode(400).body("errors.field", hasItem("endsAt"));
        as(owner).body(Map.of("subscriberId", sub, "endsAt", "2999-01-01T00:00:00Z")).post("/silences").then()
                .statusCode(400).body("errors[0].reason", containsString("366 days"));
        String id = as(owner).body(Map.of("subscriberId", sub, "endsAt", java.time.Instant.now().plusSeconds(3600).toString()))
                .post("/silences")
                .then().statusCode(201).body("active", equalTo(true)).extract().path("id");
        as(owner).queryParam("active", true).get("/silences").then().body("items.id", equalTo(List.of(id)));
        as(owner).delete("/silences/" + id).then().statusCode(204);
        as(owner).get("/silences/" + id).then().statusCode(404);
    }
}
