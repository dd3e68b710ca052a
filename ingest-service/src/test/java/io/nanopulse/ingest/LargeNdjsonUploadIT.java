package io.nanopulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.testkit.trust.GatewayProof;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.ManagementPortResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service, started with -Xmx256m (quarkus.test.arg-line), takes a ~200 MB NDJSON upload
 * generated while it is sent: it could not hold the body even if it tried. Every count adds up, and the
 * topic grew by exactly the accepted count.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ManagementPortResource.class)
class LargeNdjsonUploadIT {
    private static final long LINES = 800_000;

    @Test
    void hundredsOfMegabytesOfNdjsonPassWithASmallHeap() throws Exception {
        long heapMax = heapMaxBytes();
        assertTrue(heapMax > 0 && heapMax <= 256L * 1024 * 1024, "service heap limit is 256 MiB: " + heapMax);

        String run = "big-" + UUID.randomUUID() + "-";
        var body = new GeneratedNdjson(run, LINES, 500, 4_000, 80);
        long topicBefore = PatentEventsTopic.endOffsetSum();

        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/events"));
        GatewayProof.as(GatewayProof.TESTER).headers("POST", "/events").forEach(upload::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                upload
                        .header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofMinutes(15))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(202, response.statusCode(), response.body());
        JsonNode result = Json.mapper().readTree(response.body());
        assertEquals(body.expectedAccepted(), result.get("accepted").asLong());
        assertEquals(body.expectedInvalid(), result.get("rejected").asLong());
        assertEquals(body.expectedDuplicates(), result.get("duplicates").asLong());
        assertEquals(LINES, result.get("accepted").asLong() + result.get("rejected").asLong()
                + result.get("duplicates").asLong());
        assertEquals(1000, result.get("errors").size(), "error list bounded");
        assertTrue(result.get("errorsTruncated").asBoolean());
        assertEquals("country", result.get("errors").get(0).get("field").asText());
        assertEquals(251, result.get("errors").get(0).get("line").asLong());

        assertEquals(body.expectedAccepted(), PatentEventsTopic.endOffsetSum() - topicBefore,
                "the topic holds exactly the accepted events");
        assertTrue(heapUsedBytes() < heapMax, "service still alive and within its heap");
    }

    private static long heapMaxBytes() {
        return sumHeap("jvm_memory_max_bytes");
    }

    private static long heapUsedBytes() {
        return sumHeap("jvm_memory_used_bytes");
    }

    /** Sums a Micrometer JVM memory gauge over the heap pools from the service's Prometheus scrape. */
    private static long sumHeap(String metric) {
        String scrape = given().baseUri(ManagementPortResource.url()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + metric + "\\{area=\"heap\",[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        long sum = 0;
        boolean any = false;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (v > 0) {
                sum += (long) v;
            }
            any = true;
        }
        return any ? sum : -1;
    }
}
