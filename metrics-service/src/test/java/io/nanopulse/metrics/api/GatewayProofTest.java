package io.nanopulse.metrics.api;

import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only calls the gateway proved reach the queries; a forged, foreign, stale or misdirected proof gets 401, and the
 * admin endpoints need the proven role admin (403 otherwise).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true, initArgs = @ResourceArg(name = "database", value = "metrics"))
class GatewayProofTest {
    private static final String GLOBAL = "/metrics/global?window=ALL";

    @Test
    void requestsWithoutAValidProofAreRefused() {
        GatewayProof.forgeries("GET", GLOBAL).forEach((name, headers) -> assertUnauthenticated(name,
                RestAssured.given().headers(headers).get(GLOBAL)));
        GatewayProof.forgeries("GET", "/admin/consumption").forEach((name, headers) -> assertUnauthenticated(name,
                RestAssured.given().headers(headers).get("/admin/consumption")));
        assertUnauthenticated("a proof for another query", RestAssured.given()
                .headers(GatewayProof.as(GatewayProof.TESTER).headers("GET", GLOBAL)).get("/metrics/global?window=2024"));
        assertUnauthenticated("no proof, unknown path", RestAssured.given().get("/no-such-path"));
        assertUnauthenticated("no proof, admin", RestAssured.given().post("/admin/consumption/pause"));
    }

    @Test
    void aValidProofIsAccepted() {
        GatewayProof.given().get(GLOBAL).then().statusCode(200);
        RestAssured.given().filter(GatewayProof.as("service:alerts", "read")).get(GLOBAL).then().statusCode(200);
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        GatewayProof reader = GatewayProof.as("someone", "read", "ingest", "alerts");
        RestAssured.given().filter(reader).get("/admin/consumption").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.FORBIDDEN.uri()));
        RestAssured.given().filter(reader).contentType("application/json").body("{\"id\":\"x\",\"displayName\":\"X\"}")
                .post("/institutions").then().statusCode(403);
        RestAssured.given().filter(reader).delete("/institutions/none").then().statusCode(403);
        RestAssured.given().filter(reader).get("/institutions").then().statusCode(200);
        RestAssured.given().filter(GatewayProof.as("an-admin", "admin")).get("/admin/consumption").then().statusCode(200);
    }

    @TestHTTPResource(value = "/health/live", management = true) // under the management root, /q
    URL live;

    @Test
    void healthIsOnTheManagementPortWithoutProofAndNotOnTheApiPort() {
        RestAssured.given().get(live).then().statusCode(200);
        assertUnauthenticated("/q/health/live on the API port", RestAssured.given().get("/q/health/live"));
    }

    private static void assertUnauthenticated(String name, Response r) {
        assertEquals(401, r.statusCode(), name);
        assertEquals("application/problem+json", r.contentType(), name);
        assertEquals(ProblemType.UNAUTHENTICATED.uri(), r.jsonPath().getString("type"), name);
    }
}
