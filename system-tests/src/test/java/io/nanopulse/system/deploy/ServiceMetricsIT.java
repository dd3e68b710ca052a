package io.nanopulse.system.deploy;

import io.nanopulse.testkit.http.HttpStub;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four packaged services after real traffic (events in, a dead letter, an alert delivered to a webhook):
 * every /q/metrics output passes {@code promtool check metrics}, and every series the alerting rules and the
 * Grafana dashboard query is really exported by some service — so the rules cannot silently watch nothing.
 * Health and metrics answer on each service's management port only, never on its API port.
 */
class ServiceMetricsIT {
    static LocalPlatform platform;
    static HttpStub receiver;
    static final AtomicInteger webhooks = new AtomicInteger();
    static final Map<String, String> exposition = new HashMap<>();
    static Path logs;

    @BeforeAll
    static void start() throws IOException {
        receiver = new HttpStub().route("/hook", request -> {
            webhooks.incrementAndGet();
            return HttpStub.Reply.empty(204);
        }).start();
        Path root = Promtool.root();
        Path data = root.resolve("system-tests/target/platform-metrics-" + UUID.randomUUID().toString().substring(0, 6));
        var base = LocalPlatform.Settings.forTests(root, data, "np_" + LocalPlatform.randomSecret(24));
        // The receiver runs on this machine, which the production webhook policy refuses unless allowed.
        var settings = new LocalPlatform.Settings(base.repoRoot(), base.dataDir(), base.durable(), base.postgresPort(),
                base.kafkaPort(), base.gatewayPort(), base.ingestPort(), base.metricsPort(), base.alertsPort(), base.adminKey(),
                Map.of("alerts-service", Map.of("NANOPULSE_ALERTS_WEBHOOK_ALLOW_HOSTS", "127.0.0.1", "NANOPULSE_LOG_JSON", "true"),
                        "metrics-service", Map.of("NANOPULSE_LOG_JSON", "true"),
                        "ingest-service", Map.of("NANOPULSE_LOG_JSON", "true"),
                        "gateway", Map.of("NANOPULSE_LOG_JSON", "true")));
        logs = data.resolve("logs");
        platform = new LocalPlatform(settings);
        platform.start();
        driveTraffic();
        for (String service : LocalPlatform.ALL_SERVICES) {
            String text = given().baseUri(platform.service(service).managementUrl()).accept("text/plain")
                    .get("/q/metrics").then().statusCode(200).extract().asString();
            exposition.put(service, text);
            Files.writeString(data.resolve(service + ".metrics.txt"), text);
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        if (receiver != null) receiver.close();
    }

    /** Events through the gateway, one poison record on the topic, and an alert rule that fires a webhook. */
    private static void driveTraffic() {
        String gw = platform.gatewayUrl();
        String key = io.nanopulse.system.Platforms.issueKey(platform, "observability-it", List.of("ingest", "read", "alerts"));
        String subscriber = given().baseUri(gw).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("name", "metrics check", "webhookUrl", "http://127.0.0.1:" + receiver.port() + "/hook"))
                .post("/api/v1/subscribers").then().statusCode(201).extract().path("id");
        given().baseUri(gw).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("subscriberId", subscriber, "name", "any CN filing", "subject", Map.of("kind", "COUNTRY", "key", "CN"),
                        "metric", "filings", "window", "ALL", "condition", "ABOVE", "threshold", 0))
                .post("/api/v1/rules").then().statusCode(201);
        given().baseUri(gw).auth().oauth2(key).contentType(ContentType.JSON).body("""
                [{"type":"PATENT_FILED","eventId":"obs-1","patentId":"CN115000001A","country":"CN",
                  "institution":"Chinese Academy of Sciences","sector":"MATERIALS","filingDate":"2024-03-18","city":"Beijing"},
                 {"type":"PATENT_FILED","eventId":"obs-bad","patentId":"CN2","country":"XX"}]""")
                .post("/api/v1/events").then().statusCode(202);
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("patent-events", "poison", "{not json"));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> webhooks.get() >= 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().baseUri(platform.service("metrics-service").managementUrl()).get("/q/metrics").asString()
                        .contains("nanopulse_metrics_dead_letters_total"));
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortsOnly() {
        for (String service : LocalPlatform.ALL_SERVICES) {
            var process = platform.service(service);
            for (String path : List.of("/q/health/ready", "/q/health/live", "/q/health/started")) {
                given().baseUri(process.managementUrl()).get(path).then().statusCode(200)
                        .contentType(org.hamcrest.Matchers.startsWith("application/json"))
                        .body("status", org.hamcrest.Matchers.equalTo("UP"));
            }
            assertTrue(exposition.get(service).contains("# TYPE jvm_memory_used_bytes gauge"), service + " exports Prometheus text");
            // The API port: the gateway's answers 404 like any unknown path; a service's, like any request
            // without the gateway's proof, 401.
            int refused = service.equals("gateway") ? 404 : 401;
            for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
                given().baseUri(process.url()).get(path).then().statusCode(refused)
                        .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
            }
        }
    }

    /** Every nanopulse_* meter must pass promtool's lint too (a description, so HELP is never empty). */
    @Test
    void everyServiceMetricsOutputPassesPromtool() {
        for (String service : LocalPlatform.ALL_SERVICES) {
            Promtool.Result result = Promtool.run(exposition.get(service), "check", "metrics");
            // Exit 1: the exposition does not parse (a scrape would fail). Exit 3: style lint only.
            assertTrue(result.exitCode() == 0 || result.exitCode() == 3,
                    service + "'s /q/metrics is not a valid Prometheus exposition:\n" + result.output());
            // Style lint is enforced on our own meters; libraries' names (Kafka's *_time_ns_total, SmallRye Fault
            // Tolerance's camelCase, Netty's missing HELP) are theirs to fix.
            Set<String> own = new TreeSet<>();
            for (String line : result.output().split("\n")) {
                if (line.startsWith("nanopulse_")) own.add(line.trim());
            }
            assertEquals(Set.of(), own, service + ": promtool check metrics finds problems in our own meters");
        }
    }

    @Test
    void logsAreJsonWithTraceIdsWhenSwitchedOn() throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        boolean anyTraceId = false;
        for (String service : LocalPlatform.ALL_SERVICES) {
            int records = 0;
            for (String line : Files.readAllLines(logs.resolve(service + ".log"))) {
                if (line.isBlank()) continue;
                var record = json.readTree(line); // throws on a line that is not JSON
                assertTrue(record.hasNonNull("level") && record.hasNonNull("message") && record.hasNonNull("loggerName"),
                        service + " log record lacks level/message/loggerName: " + line);
                records++;
                String traceId = record.path("mdc").path("traceId").asText("");
                if (!traceId.isEmpty()) {
                    assertTrue(traceId.matches("[0-9a-f]{32}") && record.path("mdc").path("spanId").asText().matches("[0-9a-f]{16}"),
                            service + ": malformed trace context in " + line);
                    anyTraceId = true;
                }
            }
            assertTrue(records >= 3, service + " logged only " + records + " records");
        }
        assertTrue(anyTraceId, "no log record carries a traceId/spanId from the OpenTelemetry MDC");
    }

    @Test
    void everySeriesTheRulesAndDashboardQueryIsExported() throws IOException {
        Path dir = Promtool.root().resolve("deploy/observability");
        Set<String> exported = new TreeSet<>();
        exposition.values().forEach(text -> exported.addAll(MetricNames.exported(text)));
        for (Path file : List.of(dir.resolve("rules/nanopulse-alerts.yml"), dir.resolve("grafana/nanopulse-dashboard.json"))) {
            Set<String> queried = MetricNames.queried(Files.readString(file));
            assertTrue(queried.size() >= 5, file + " queries too few series to be checked: " + queried);
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(exported);
            assertEquals(Set.of(), missing, file.getFileName() + " queries series no service exports");
        }
    }
}
