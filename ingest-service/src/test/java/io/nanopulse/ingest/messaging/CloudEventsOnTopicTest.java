package io.nanopulse.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.Topics;
import io.nanopulse.ingest.Events;
import io.nanopulse.ingest.PatentEventsTopic;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nanopulse.ingest.Events.NDJSON_UTF8;
import static io.nanopulse.ingest.Events.CSV_UTF8;
import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service writes to patent-events, read back with the CloudEvents Java SDK. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CloudEventsOnTopicTest {

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL metrics;

    @Test
    void acceptedEventsAreBinaryCloudEventsKeyedByPatentWithTheRequestsTraceContext() throws Exception {
        String run = "ce-" + UUID.randomUUID() + "-";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String filed = "{\"type\":\"patent_filed\",\"eventId\":\"" + run + "f\",\"patentId\":\"us-7650331-b1\","
                + "\"country\":\"us\",\"institution\":\"  Rice \\t  University \",\"sector\":\"materials\","
                + "\"filingDate\":\"2004-05-06\",\"city\":\"Houston\",\"title\":\"Robert'); DROP TABLE patents;-- <b>x</b>\"}";
        String body = Events.array(filed, Events.granted(run + "g", "CN115123456A"),
                "{\"type\":\"PATENT_LICENSED\",\"eventId\":\"" + run + "l\",\"patentId\":\"CN115123456A\","
                        + "\"counterparty\":\"Acme\",\"counterpartyCountry\":\"DE\",\"effectiveDate\":\"2022-02-02\"}");

        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(body)
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(3));

        List<ConsumerRecord<String, CloudEvent>> records = PatentEventsTopic.read(id -> id.startsWith(run));
        assertEquals(3, records.size(), "each accepted event exactly once");
        Map<String, ConsumerRecord<String, CloudEvent>> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.value().getId(), r));

        ConsumerRecord<String, CloudEvent> record = byId.get(run + "f");
        CloudEvent ce = record.value();
        assertEquals(SpecVersion.V1, ce.getSpecVersion());
        assertEquals("io.nanopulse.patent.filed", ce.getType());
        assertEquals(URI.create(Topics.INGEST_SOURCE), ce.getSource());
        assertEquals("US7650331B1", ce.getSubject());
        assertEquals("application/json", ce.getDataContentType());
        assertEquals("US7650331B1", record.key(), "Kafka key = normalised patentId");
        // Binary mode: attributes are ce_ headers, the value is the bare event.
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(run + "f", header(record, "ce_id"));
        assertNotNull(header(record, "ce_time"));
        // Same trace id, a new parent span; the sampled flag is the service's own (export is off by default).
        assertTrue(header(record, "traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"),
                "the request's trace continues in the record: " + header(record, "traceparent"));

        JsonNode data = Json.mapper().readTree(ce.getData().toBytes());
        assertEquals("PATENT_FILED", data.get("type").asText());
        assertEquals("US", data.get("country").asText());
        assertEquals("Rice University", data.get("institution").asText());
        assertEquals("MATERIALS", data.get("sector").asText());
        assertEquals("2004-05-06", data.get("filingDate").asText());
        assertEquals("Robert'); DROP TABLE patents;-- <b>x</b>", data.get("title").asText(),
                "hostile text is stored as inert data, unchanged");
        assertNull(data.get("grantDate"), "fields a type does not use are left out");

        assertEquals("io.nanopulse.patent.granted", byId.get(run + "g").value().getType());
        assertEquals("CN115123456A", byId.get(run + "g").key());
        assertEquals("io.nanopulse.patent.licensed", byId.get(run + "l").value().getType());
        assertEquals("DE", Json.mapper().readTree(byId.get(run + "l").value().getData().toBytes())
                .get("counterpartyCountry").asText());

        // The producer's own meters reach the scrape, and count the records it sent.
        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        var sent = java.util.regex.Pattern.compile(
                "^kafka_producer_record_send_total\\{[^}]*client_id=\"ingest-patent-events\"[^}]*} ([0-9.E+]+)$",
                java.util.regex.Pattern.MULTILINE).matcher(scrape);
        assertTrue(sent.find(), "kafka_producer_record_send_total of the ingest producer is exported");
        assertTrue(Double.parseDouble(sent.group(1)) >= 3, "at least this test's three records were sent");
    }

    @Test
    void ndjsonAndCsvEventsLandOnTheTopicToo() {
        String run = "nd-" + UUID.randomUUID() + "-";
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 12_345; i++) {
            ndjson.append(Events.granted(run + i, "CN" + (115_000_000 + i) + "A")).append('\n');
        }
        given().contentType(NDJSON_UTF8).body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(12_345));
        given().contentType(CSV_UTF8)
                .body("city,patentId,country,institution,sector,filingDate\nOsaka,JP2024123456A,JP,Osaka Univ,ENERGY,2024-01-02\n")
                .when().post("/imports")
                .then().statusCode(202).body("accepted", equalTo(1));

        assertEquals(12_345, PatentEventsTopic.read(id -> id.startsWith(run)).size());
        var csv = PatentEventsTopic.read(id -> id.equals("csv:JP2024123456A"));
        assertEquals(1, csv.size());
        assertEquals("JP2024123456A", csv.get(0).key());
        assertEquals("io.nanopulse.patent.filed", csv.get(0).value().getType());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
