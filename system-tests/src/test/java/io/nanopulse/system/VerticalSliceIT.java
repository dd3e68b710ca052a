package io.nanopulse.system;

import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * All four packaged services on a real broker and database: an event POSTed to the gateway goes
 * through ingest, Kafka, metrics and PostgreSQL, and a query through the gateway sees it.
 */
class VerticalSliceIT {
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = new LocalPlatform(Platforms.settings("slice"));
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
    }

    private static String issueKey(String principal, List<String> roles) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(platform.adminKey()).contentType(ContentType.JSON)
                .body(Map.of("principal", principal, "roles", roles))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().jsonPath().getString("key");
    }

    private static JsonPath figures(String key, String country) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(key)
                .queryParam("kind", "COUNTRY").queryParam("key", country).queryParam("window", "ALL")
                .get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eventThroughTheGatewayIsCountedAndVisibleThroughTheGateway() {
        String key = issueKey("slice-app", List.of("ingest", "read"));
        assertEquals(0, figures(key, "CN").getLong("filings"));

        String batch = """
                [{"type":"PATENT_FILED","eventId":"slice-1","patentId":"CN115123456A","country":"CN",
                  "institution":"Chinese Academy of Sciences","sector":"MATERIALS","filingDate":"2024-03-18","city":"Beijing"},
                 {"type":"PATENT_FILED","eventId":"slice-2","patentId":"US11234567B2","country":"US",
                  "institution":"IBM","sector":"SEMICONDUCTORS","filingDate":"2023-01-05"},
                 {"type":"PATENT_LICENSED","eventId":"slice-3","patentId":"CN115123456A","counterparty":"BOE",
                  "counterpartyCountry":"CN","effectiveDate":"2025-01-02"},
                 {"type":"PATENT_FILED","eventId":"slice-bad","patentId":"CN1","country":"XX"}]""";
        JsonPath ack = given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/events").then().statusCode(202).extract().jsonPath();
        assertEquals(3, ack.getInt("accepted"));
        assertEquals(1, ack.getInt("rejected"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> figures(key, "CN").getLong("filings") == 1 && figures(key, "US").getLong("filings") == 1);
        JsonPath cn = figures(key, "CN");
        assertEquals(1, cn.getLong("licensed"));
        assertEquals(2, cn.getLong("share.denominator"));
        assertEquals(0.5, cn.getDouble("share.value"), 1e-9);

        // Resending the same events changes nothing downstream.
        given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(platform.service("metrics-service").url())
                .get("/metrics/progress").then().extract().jsonPath().getLong("eventsApplied") >= 6);
        assertEquals(1, figures(key, "CN").getLong("filings"));
        assertEquals(2, figures(key, "CN").getLong("share.denominator"));
    }
}
