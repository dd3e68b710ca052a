package io.nanopulse.system;

import io.nanopulse.testkit.http.HttpStub;
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
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class VerticalSliceIT {
    static LocalPlatform platform;
    /** Request bodies received by a stand-in OTLP/HTTP collector. */
    static final java.util.Queue<byte[]> exportedSpans = new java.util.concurrent.ConcurrentLinkedQueue<>();
    static HttpStub collector;

    @BeforeAll
    static void start() throws Exception {
        collector = new HttpStub().route("/v1/traces", request -> {
            exportedSpans.add(request.body());
            return HttpStub.Reply.of(200, "application/x-protobuf", "");
        }).start();
        // Every service knows the collector; the gateway and ingest raise the sampling ratio at run time,
        // metrics keeps the default (0: nothing exported): export is a run-time switch, off by default.
        var base = Platforms.withLocalWebhooks("slice");
        var env = new java.util.HashMap<String, Map<String, String>>();
        for (String service : LocalPlatform.ALL_SERVICES) {
            var e = new java.util.HashMap<>(base.extraEnv().getOrDefault(service, Map.of()));
            e.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.port());
            e.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            e.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            if (service.equals("gateway") || service.equals("ingest-service")) {
                e.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0");
            }
            env.put(service, e);
        }
        platform = new LocalPlatform(new LocalPlatform.Settings(base.repoRoot(), base.dataDir(), false, base.postgresPort(),
                base.kafkaPort(), base.gatewayPort(), base.ingestPort(), base.metricsPort(), base.alertsPort(),
                base.adminKey(), env));
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        if (collector != null) collector.close();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /**
     * One trace from the request to the webhook: the gateway request (trace id chosen here), ingest, the
     * Kafka record, the metrics batch, the metric-changes record, the alert evaluation and the webhook's
     * traceparent.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void theWebhookContinuesTheTraceOfTheIngestRequest() throws Exception {
        var traceparents = new java.util.concurrent.LinkedBlockingQueue<String>();
        var receiver = new HttpStub().route("/hook", request -> {
            String tp = request.header("traceparent");
            traceparents.add(tp == null ? "none" : tp);
            return HttpStub.Reply.empty(204);
        }).start();
        try {
            String key = Platforms.issueKey(platform, "trace-app", List.of("ingest", "read", "alerts"));
            String subscriber = given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of("name", "trace", "webhookUrl", "http://127.0.0.1:" + receiver.port() + "/hook"))
                    .post("/api/v1/subscribers").then().statusCode(201).extract().jsonPath().getString("id");
            String rule = given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of("subscriberId", subscriber, "name", "nz-first", "subject", Map.of("kind", "COUNTRY", "key", "NZ"),
                            "metric", "filings", "window", "ALL", "condition", "ABOVE", "threshold", 0.5))
                    .post("/api/v1/rules").then().statusCode(201).extract().jsonPath().getString("id");
            // A new rule is evaluated at once, in the background and in the trace of its creation; wait for
            // that first evaluation so the event below is what fires it.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    given().baseUri(platform.gatewayUrl()).auth().oauth2(key).get("/api/v1/rules/" + rule + "/state")
                            .then().statusCode(200).extract().jsonPath().getString("lastEvaluatedAt") != null);
            String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
            given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .body("""
                            {"type":"PATENT_FILED","eventId":"trace-1","patentId":"NZ123456A","country":"NZ",
                             "institution":"Callaghan Innovation","sector":"MATERIALS","filingDate":"2024-05-05"}""")
                    .post("/api/v1/events").then().statusCode(202);
            String received = traceparents.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            org.junit.jupiter.api.Assertions.assertNotNull(received, "no webhook within 60 s");
            assertEquals(traceId, received.split("-")[1], "webhook traceparent " + received);

            // The services whose sampler was switched on exported spans of this trace over OTLP; metrics-service,
            // left at the default, exported nothing.
            byte[] traceBytes = java.util.HexFormat.of().parseHex(traceId);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var ofTrace = exportedSpans.stream().filter(b -> contains(b, traceBytes)).toList();
                org.junit.jupiter.api.Assertions.assertTrue(ofTrace.stream().anyMatch(b -> contains(b, "gateway".getBytes())),
                        "gateway spans of the trace exported");
                org.junit.jupiter.api.Assertions.assertTrue(ofTrace.stream().anyMatch(b -> contains(b, "ingest-service".getBytes())),
                        "ingest spans of the trace exported");
            });
            org.junit.jupiter.api.Assertions.assertTrue(exportedSpans.stream().noneMatch(b -> contains(b, "metrics-service".getBytes())),
                    "metrics-service exports nothing with the default sampler");
        } finally {
            receiver.close();
        }
    }

    private static JsonPath figures(String key, String country) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(key)
                .queryParam("kind", "COUNTRY").queryParam("key", country).queryParam("window", "ALL")
                .get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void eventThroughTheGatewayIsCountedAndVisibleThroughTheGateway() {
        String key = Platforms.issueKey(platform, "slice-app", List.of("ingest", "read"));
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
        await().atMost(Duration.ofSeconds(30)).until(() -> Platforms.direct(platform).baseUri(platform.service("metrics-service").url())
                .get("/metrics/progress").then().extract().jsonPath().getLong("eventsApplied") >= 6);
        assertEquals(1, figures(key, "CN").getLong("filings"));
        assertEquals(2, figures(key, "CN").getLong("share.denominator"));
    }

    /** Only an admin retracts; the retraction travels ingest → Kafka → metrics and takes the patent out again. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void anAdminRetractionThroughTheGatewayTakesThePatentOutOfTheFigures() {
        String key = Platforms.issueKey(platform, "slice-retractions", List.of("ingest", "read"));
        given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body("""
                        {"type":"PATENT_FILED","eventId":"slice-jp","patentId":"JP2024123456A","country":"JP",
                         "institution":"RIKEN","sector":"MATERIALS","filingDate":"2024-05-06"}""")
                .post("/api/v1/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> figures(key, "JP").getLong("filings") == 1);
        long global = figures(key, "JP").getLong("share.denominator");

        String retraction = "{\"patentId\":\"JP2024123456A\",\"reason\":\"sent by mistake\"}";
        given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON).body(retraction)
                .post("/api/v1/admin/retractions").then().statusCode(403);
        given().baseUri(platform.gatewayUrl()).auth().oauth2(platform.adminKey()).contentType(ContentType.JSON).body(retraction)
                .post("/api/v1/admin/retractions").then().statusCode(202)
                .body("type", org.hamcrest.Matchers.equalTo("PATENT_RETRACTED"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> figures(key, "JP").getLong("filings") == 0);
        assertEquals(global - 1, figures(key, "JP").getLong("share.denominator"));
    }
}
