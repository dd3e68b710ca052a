package io.nanopulse.gateway.api;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.gateway.application.Forwarding;
import io.nanopulse.gateway.support.FakeService;
import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing to the (stand-in) services: paths, queries, principal, error pass-through, outage and recovery. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RoutingTest {

    @Test
    void readsGoToMetricsWithTheirQueryEncoded() {
        String key = TestKeys.withRoles("read");
        RestAssured.given().header("Authorization", TestKeys.bearer(key))
                .queryParam("kind", "CITY").queryParam("key", "CN/Shanghai & Co").queryParam("window", "P12M")
                .get("/api/v1/figures")
                .then().statusCode(200).body("filings", equalTo(123));
        FakeService.Received r = FakeServices.metrics.last();
        assertEquals("GET", r.method());
        assertEquals("/metrics/figures?kind=CITY&key=CN%2FShanghai+%26+Co&window=P12M", r.uri());
        assertEquals(Forwarding.GATEWAY, FakeServices.metrics.proven(), "a read shared by every caller is the gateway's own");
        assertNull(r.headers().get("Authorization"), "the API key never leaves the gateway");
    }

    @Test
    void readsNamingGroupsGoAsTheCallerWhoseGroupsTheyAre() {
        String key = TestKeys.create("team-delta", "read");
        for (String path : List.of("/figures?kind=group&key=mine", "/shares?kind=GROUP&key=mine", "/timeseries?kind=GROUP&key=mine",
                "/rankings?kind=GROUP", "/licensing-rates?kind=GROUP")) {
            RestAssured.given().header("Authorization", TestKeys.bearer(key)).urlEncodingEnabled(false)
                    .get("/api/v1" + path).then().statusCode(200);
            assertEquals(ForwardedIdentity.of("team-delta", "read"), FakeServices.metrics.proven(), path);
        }
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/rankings?kind=COUNTRY&limit=7")
                .then().statusCode(200);
        assertEquals(Forwarding.GATEWAY, FakeServices.metrics.proven(), "other kinds stay shared");
    }

    @Test
    void adminKeysReadTheInstitutionsTheyManage() {
        String admin = TestKeys.withRoles("admin");
        for (String path : List.of("/institutions?size=10", "/institutions/cas", "/institutions/normalise?name=CAS")) {
            RestAssured.given().header("Authorization", TestKeys.bearer(admin)).urlEncodingEnabled(false)
                    .get("/api/v1" + path).then().statusCode(200);
            assertEquals(path, FakeServices.metrics.last().uri());
        }
    }

    @Test
    void alertsGetTheAuthenticatedPrincipalNeverTheClientsOne() {
        String key = TestKeys.create("team-alpha", "alerts");
        RestAssured.given().header("Authorization", TestKeys.bearer(key))
                .header("X-Nanopulse-Principal", "team-mallory")
                .get("/api/v1/subscribers?page=1&size=5")
                .then().statusCode(200);
        FakeService.Received r = FakeServices.alerts.last();
        assertEquals("/subscribers?page=1&size=5", r.uri());
        assertEquals(List.of("team-alpha"), r.headers().get("X-nanopulse-principal"));
        assertEquals(ForwardedIdentity.of("team-alpha", "alerts"), FakeServices.alerts.proven());
        assertNull(r.headers().get("Authorization"));
    }

    @Test
    void groupsGoToMetricsAsTheCallerWhoseRolesDecideWhatItMayChange() {
        String owner = TestKeys.create("team-beta", "alerts");
        RestAssured.given().header("Authorization", TestKeys.bearer(owner)).contentType("application/json")
                .body("{\"name\":\"us-jp-kr\",\"memberKind\":\"COUNTRY\",\"members\":[\"US\",\"JP\",\"KR\"]}")
                .post("/api/v1/groups").then().statusCode(201)
                // The service's Location, absolute on its own address, becomes the public path.
                .header("Location", equalTo("/api/v1/groups/us-jp-kr"));
        FakeService.Received r = FakeServices.metrics.last();
        assertEquals("POST", r.method());
        assertEquals("/groups", r.uri());
        assertEquals(ForwardedIdentity.of("team-beta", "alerts"), FakeServices.metrics.proven());
        RestAssured.given().header("Authorization", TestKeys.bearer(owner)).contentType("application/json")
                .body("{\"memberKind\":\"COUNTRY\",\"members\":[\"US\"]}").put("/api/v1/groups/us-jp-kr").then().statusCode(200);
        assertEquals("PUT /groups/us-jp-kr", FakeServices.metrics.last().method() + " " + FakeServices.metrics.last().uri());
        // Reads are the caller's too (not shared): a group shows its owner to that owner only.
        String reader = TestKeys.create("team-gamma", "read");
        RestAssured.given().header("Authorization", TestKeys.bearer(reader)).get("/api/v1/groups/us-jp-kr").then().statusCode(200);
        assertEquals(ForwardedIdentity.of("team-gamma", "read"), FakeServices.metrics.proven());
        RestAssured.given().header("Authorization", TestKeys.bearer(reader)).delete("/api/v1/groups/us-jp-kr").then().statusCode(403);
        RestAssured.given().header("Authorization", TestKeys.bearer(reader)).urlEncodingEnabled(false)
                .get("/api/v1/groups/..%2Fadmin").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void serviceProblemsPassThroughAndOtherErrorsBecomeProblems() {
        String key = TestKeys.withRoles("read");
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/institutions/missing")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("no institution missing"));
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/institutions/plain-error")
                .then().statusCode(500).contentType(startsWith("application/problem+json"))
                .body("service", equalTo("metrics")).body("detail", equalTo("metrics-service answered 500"));
    }

    @Test
    void pathParametersCannotClimbOutOfTheirResource() {
        String key = TestKeys.withRoles("read");
        int before = FakeServices.metrics.received.size();
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).urlEncodingEnabled(false)
                .get("/api/v1/institutions/..%2Fadmin%2Frebuild")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("id"));
        assertEquals(before, FakeServices.metrics.received.size(), "nothing was forwarded");
    }

    @Test
    void jsonBodiesAreBounded() {
        String key = TestKeys.withRoles("read");
        String big = "{\"queries\":[" + "x".repeat(1_100_000) + "]}";
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).contentType("application/json").body(big)
                .post("/api/v1/figures/batch")
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aStoppedServiceGives503NamingItAndTheGatewayRecoversWhenItReturns() {
        String key = TestKeys.withRoles("read");
        FakeServices.metrics.stop();
        try {
            Response down = RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/rankings");
            assertEquals(503, down.statusCode());
            assertTrue(down.contentType().startsWith("application/problem+json"));
            assertEquals("metrics", down.jsonPath().getString("service"));
            assertTrue(down.jsonPath().getString("detail").contains("metrics-service"), down.asString());
            assertTrue(Integer.parseInt(down.header("Retry-After")) >= 1);
            // Keep calling until the breaker opens: answers stay 503 problems, now without even trying.
            for (int i = 0; i < 6; i++) {
                RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/rankings")
                        .then().statusCode(503).body("service", equalTo("metrics"));
            }
        } finally {
            FakeServices.metrics.start();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/rankings")
                        .then().statusCode(200).body("entries.size()", equalTo(10)));
    }

    @Test
    void writeBodiesAreForwardedAsSent() {
        FakeServices.alerts.route("/rules", x -> x.getRequestMethod().equals("POST")
                ? new FakeService.Answer(201, "application/json", "{\"id\":\"r1\"}")
                : FakeService.Answer.json("{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}"));
        String key = TestKeys.withRoles("alerts");
        Response created = RestAssured.given().header("Authorization", TestKeys.bearer(key)).contentType("application/json")
                .body("{\"name\":\"r\"}").post("/api/v1/rules");
        assertEquals(201, created.statusCode());
        assertEquals("{\"name\":\"r\"}".length(), FakeServices.alerts.last().bodyBytes());
    }

    @Test
    void emailConfirmationsGoToAlertsForNobodyWhoeverCalls() {
        FakeServices.alerts.route("/email-confirmations", x -> FakeService.Answer.json(
                "{\"subscriberId\":\"0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11\",\"email\":\"analyst@example.org\"}"));
        String body = "{\"token\":\"q3mV0bq1yq1Jx9cZP6h0m3Lz2Y8sKj4nR7tWv5uXa1E\"}";
        RestAssured.given().contentType("application/json").body(body).post("/api/v1/email-confirmations")
                .then().statusCode(200).body("email", equalTo("analyst@example.org"));
        FakeService.Received r = FakeServices.alerts.last();
        assertEquals("POST /email-confirmations", r.method() + " " + r.uri());
        assertEquals(body.length(), r.bodyBytes());
        assertEquals(Forwarding.ANONYMOUS, FakeServices.alerts.proven());
        // A key changes nothing: the token, not the caller, says whose address it is.
        RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.create("team-delta", "alerts")))
                .contentType("application/json").body(body).post("/api/v1/email-confirmations").then().statusCode(200);
        assertEquals(Forwarding.ANONYMOUS, FakeServices.alerts.proven());
        // A re-sent confirmation is the owner's call.
        String owner = TestKeys.create("team-epsilon", "alerts");
        FakeServices.alerts.route("/subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/email-confirmation",
                x -> new FakeService.Answer(202, "application/json", "{}"));
        RestAssured.given().header("Authorization", TestKeys.bearer(owner))
                .post("/api/v1/subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/email-confirmation").then().statusCode(202);
        assertEquals("POST /subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/email-confirmation",
                FakeServices.alerts.last().method() + " " + FakeServices.alerts.last().uri());
        assertEquals(ForwardedIdentity.of("team-epsilon", "alerts"), FakeServices.alerts.proven());
    }

    @Test
    void retractionsAreForAdminsOnlyAndGoToIngest() {
        FakeServices.ingest.route("/admin/retractions", x -> new FakeService.Answer(202, "application/json",
                "{\"eventId\":\"retraction-1\",\"type\":\"PATENT_RETRACTED\",\"patentId\":\"CN115123456A\"}"));
        String body = "{\"patentId\":\"CN115123456A\",\"reason\":\"sent by mistake\"}";
        int before = FakeServices.ingest.received.size();
        for (String role : List.of("ingest", "read", "alerts")) {
            RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles(role))).contentType("application/json")
                    .body(body).post("/api/v1/admin/retractions")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        RestAssured.given().contentType("application/json").body(body).post("/api/v1/admin/retractions")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        assertEquals(before, FakeServices.ingest.received.size(), "nothing was forwarded");

        RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles("admin"))).contentType("application/json")
                .body(body).post("/api/v1/admin/retractions")
                .then().statusCode(202).body("eventId", equalTo("retraction-1"));
        FakeService.Received r = FakeServices.ingest.last();
        assertEquals("POST", r.method());
        assertEquals("/admin/retractions", r.uri());
        assertEquals(body.length(), r.bodyBytes());
    }
}
