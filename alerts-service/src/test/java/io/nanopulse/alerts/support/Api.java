package io.nanopulse.alerts.support;

import io.nanopulse.testkit.trust.GatewayProof;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** REST calls as a given owner, proven as the gateway proves it (role alerts). */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String owner) {
        return given().filter(GatewayProof.as(owner, "alerts")).contentType(ContentType.JSON);
    }

    /** Creates a subscriber; returns {id, secret}. */
    public static JsonPath subscriber(String owner, String webhookUrl) {
        return as(owner).body(Map.of("name", "sub of " + owner, "webhookUrl", webhookUrl))
                .post("/subscribers").then().statusCode(201).extract().jsonPath();
    }

    public static String rule(String owner, Map<String, Object> body) {
        return as(owner).body(body).post("/rules").then().statusCode(201).extract().path("id");
    }

    public static JsonPath state(String owner, String ruleId) {
        return as(owner).get("/rules/" + ruleId + "/state").then().statusCode(200).extract().jsonPath();
    }

    public static Instant lastEvaluated(String owner, String ruleId) {
        String t = state(owner, ruleId).getString("lastEvaluatedAt");
        return t == null ? Instant.EPOCH : Instant.parse(t);
    }

    public static JsonPath deliveries(String owner, String subscriberId) {
        return as(owner).get("/subscribers/" + subscriberId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }
}
