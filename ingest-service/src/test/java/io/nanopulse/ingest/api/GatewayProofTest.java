package io.nanopulse.ingest.api;

import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.ingest.Events;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only calls the gateway proved reach the intake; a forged, foreign, stale or misdirected proof gets 401. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class GatewayProofTest {

    private static String event() {
        return Events.filed("proof-" + UUID.randomUUID(), "CN115000009A");
    }

    @Test
    void requestsWithoutAValidProofAreRefused() {
        GatewayProof.forgeries("POST", "/events").forEach((name, headers) -> {
            Response r = RestAssured.given().headers(headers).contentType(ContentType.JSON).body(event()).post("/events");
            assertEquals(401, r.statusCode(), name);
            assertEquals("application/problem+json", r.contentType(), name);
            assertEquals(ProblemType.UNAUTHENTICATED.uri(), r.jsonPath().getString("type"), name);
        });
        RestAssured.given().contentType("text/csv").body("patentId\n").when().post("/imports")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().when().get("/no-such-path").then().statusCode(401);
    }

    @Test
    void aValidProofIsAccepted() {
        GatewayProof.given().contentType(ContentType.JSON).body(event())
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void retractionsNeedTheAdminRole() {
        RestAssured.given().filter(GatewayProof.as("an-ingester", "ingest", "read")).contentType(ContentType.JSON)
                .body("{\"patentId\":\"CN115000009A\",\"reason\":\"test\"}")
                .when().post("/admin/retractions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.FORBIDDEN.uri()));
    }

    @TestHTTPResource(value = "/health/live", management = true) // under the management root, /q
    URL live;

    @Test
    void healthIsOnTheManagementPortWithoutProofAndNotOnTheApiPort() {
        RestAssured.given().when().get(live).then().statusCode(200);
        RestAssured.given().when().get("/q/health/live").then().statusCode(401)
                .body("type", equalTo(ProblemType.UNAUTHENTICATED.uri()));
    }
}
