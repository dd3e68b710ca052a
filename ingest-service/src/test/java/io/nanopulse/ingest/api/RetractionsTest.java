package io.nanopulse.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.nanopulse.contracts.Json;
import io.nanopulse.ingest.PatentEventsTopic;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /admin/retractions against the real broker, and the public intake refusing retractions. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RetractionsTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = "https://nanopulse.io/problems/invalid-request";

    private static Response retract(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/admin/retractions");
    }

    private static String patentId() {
        return "CN" + (100000000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800000000L)) + "A";
    }

    @Test
    void aPatentRetractionIsPublishedAsAnEventKeyedByThePatent() throws Exception {
        String patent = patentId();
        String eventId = retract("{\"patentId\":\"" + patent.substring(0, 2) + "-" + patent.substring(2)
                + "\",\"reason\":\"  sent  by mistake \"}")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("type", equalTo("PATENT_RETRACTED")).body("patentId", equalTo(patent))
                .body("reason", equalTo("sent by mistake"))
                .extract().path("eventId");

        List<ConsumerRecord<String, CloudEvent>> records = PatentEventsTopic.read(eventId::equals);
        assertEquals(1, records.size());
        ConsumerRecord<String, CloudEvent> record = records.get(0);
        assertEquals(patent, record.key());
        assertEquals("io.nanopulse.patent.retracted", record.value().getType());
        JsonNode data = Json.mapper().readTree(record.value().getData().toBytes());
        assertEquals("PATENT_RETRACTED", data.get("type").asText());
        assertEquals(patent, data.get("patentId").asText());
        assertEquals("sent by mistake", data.get("reason").asText());
    }

    @Test
    void aDealRetractionNamesTheDealAndTheSameRetractionHasTheSameEventId() throws Exception {
        String patent = patentId();
        String body = "{\"patentId\":\"" + patent + "\",\"dealEventId\":\"lic-0001\",\"reason\":\"licence cancelled\"}";
        String first = retract(body).then().statusCode(202).body("type", equalTo("DEAL_RETRACTED"))
                .body("dealEventId", equalTo("lic-0001")).extract().path("eventId");
        String second = retract(body.replace("licence cancelled", "said twice")).then().statusCode(202)
                .extract().path("eventId");
        assertEquals(first, second, "the same retraction is the same event, applied once downstream");

        var records = PatentEventsTopic.read(first::equals);
        assertEquals(2, records.size());
        assertEquals("io.nanopulse.patent.deal.retracted", records.get(0).value().getType());
        assertEquals("lic-0001", Json.mapper().readTree(records.get(0).value().getData().toBytes()).get("dealEventId").asText());
    }

    @Test
    void badRetractionsAreProblemsNamingTheField() {
        retract("{\"patentId\":\"CN115123456A\"}").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo(INVALID)).body("field", equalTo("reason"));
        retract("{\"patentId\":\"XX\",\"reason\":\"r\"}").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("field", equalTo("patentId"));
        retract("{\"patentId\":\"CN115123456A\",\"reason\":\"r\",\"dealEventId\":\"\"}").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("field", equalTo("dealEventId"));
        retract("{\"patentId\":\"CN115123456A\",\"reason\":\"a\\u0000b\"}").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("field", equalTo("reason"));
        retract("{\"patentId\":\"CN115123456A\",\"reason\":\"" + "x".repeat(600) + "\"}").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("field", equalTo("reason"));
        // The client cannot choose the type or the eventId.
        retract("{\"patentId\":\"CN115123456A\",\"reason\":\"r\",\"type\":\"PATENT_FILED\",\"eventId\":\"mine\"}")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("type")).body("errors.field", hasItem("eventId"));
        retract("[{\"patentId\":\"CN115123456A\",\"reason\":\"r\"},{\"patentId\":\"CN115123456A\",\"reason\":\"r\"}]")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("field", equalTo("$"));
        retract("[{\"patentId\":\"CN115123456A\",\"reason\":\"r\"}]").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("field", equalTo("$"));
        retract("\"CN115123456A\"").then().statusCode(400).contentType(startsWith(PROBLEM));
        retract("{\"patentId\":").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://nanopulse.io/problems/malformed-json"));
        retract("").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://nanopulse.io/problems/empty-body"));
        given().contentType("text/plain").body("x").post("/admin/retractions").then().statusCode(415)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void thePublicIntakeRefusesRetractions() {
        String id = "rt-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("[{\"type\":\"PATENT_RETRACTED\",\"eventId\":\"" + id + "-p\",\"patentId\":\"CN115123456A\",\"reason\":\"x\"},"
                        + "{\"type\":\"deal_retracted\",\"eventId\":\"" + id + "-d\",\"patentId\":\"CN115123456A\","
                        + "\"dealEventId\":\"lic-1\",\"reason\":\"x\"}]")
                .post("/events")
                .then().statusCode(202).body("accepted", equalTo(0)).body("rejected", equalTo(2))
                .body("errors[0].field", equalTo("type")).body("errors[1].field", equalTo("type"));
        assertEquals(0, PatentEventsTopic.read(e -> e.startsWith(id)).size());
    }
}
