package io.nanopulse.system;

import io.nanopulse.testkit.corpus.MessyStream;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out on one machine: two metrics-service and two alerts-service instances share their consumer
 * groups over a 6-partition patent-events; one of each is killed (SIGKILL) half-way through a stream of
 * a few hundred thousand events. The survivors take every partition, the aggregates end exact, and every
 * alert transition is delivered exactly once by webhook-id.
 */
class ScaleOutIT {
    static LocalPlatform platform;
    static WebhookReceiver receiver;
    static final MessyStream STREAM = new MessyStream(424242, 200_000);

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        platform = new LocalPlatform(Platforms.withLocalWebhooks("scaleout"));
        platform.start();
        platform.addInstance("metrics-service", 2);
        platform.addInstance("alerts-service", 2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
        if (receiver != null) receiver.close();
    }

    @Test
    void survivorsTakeOverWithExactAggregatesAndEachTransitionDeliveredOnce() throws Exception {
        String key = Platforms.issueKey(platform, "scale", List.of("alerts", "read"));
        String subscriber = given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("name", "scale", "webhookUrl", receiver.url()))
                .post("/api/v1/subscribers").then().statusCode(201).extract().jsonPath().getString("id");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long cnTotal = STREAM.expected(f -> f.country().equals("CN"), LocalDate.of(1900, 1, 1), today)[0];
        var thresholds = new ArrayList<Long>();
        for (int i = 1; i <= 10; i++) thresholds.add(cnTotal * (i * 9) / 100);   // 9% … 90% of China's final count
        for (long t : thresholds) {
            given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of("subscriberId", subscriber, "name", "cn-above-" + t, "subject", Map.of("kind", "COUNTRY", "key", "CN"),
                            "metric", "filings", "window", "ALL", "condition", "ABOVE", "threshold", t))
                    .post("/api/v1/rules").then().statusCode(201);
        }

        String bootstrap = platform.kafka().bootstrapServers();
        int half = STREAM.records.size() / 2;
        Platforms.produce(bootstrap, STREAM.records.subList(0, half));
        // The survivor of metrics is the instance alerts-service queries (in a cluster a Service spreads that).
        var survivor = platform.service("metrics-service");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                Platforms.direct(platform).baseUri(survivor.url()).get("/metrics/progress").then().extract().jsonPath().getLong("eventsApplied") > half / 2);
        platform.service("metrics-service-2").kill();
        platform.service("alerts-service").kill();
        Platforms.produce(bootstrap, STREAM.records.subList(half, STREAM.records.size()));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Platforms.lag(bootstrap, "metrics-service", "patent-events") == 0
                        && Platforms.lag(bootstrap, "alerts-service", "metric-changes") == 0);

        // Exact aggregates, read from the survivor.
        for (String cc : List.of("CN", "US", "JP", "KR", "DE", "TW")) {
            long[] want = STREAM.expected(f -> f.country().equals(cc), LocalDate.of(1900, 1, 1), today);
            JsonPath got = Platforms.direct(platform).baseUri(survivor.url()).queryParam("kind", "COUNTRY").queryParam("key", cc)
                    .get("/metrics/figures").then().statusCode(200).extract().jsonPath();
            assertEquals(want[0], got.getLong("filings"), cc + " filings");
            assertEquals(want[1], got.getLong("licensed"), cc + " licensed");
            assertEquals(want[2], got.getLong("grants"), cc + " grants");
        }

        // The survivor of each group owns every partition.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> admin.describeConsumerGroups(List.of("metrics-service")).all().get()
                    .get("metrics-service").members().size() == 1);
            var members = admin.describeConsumerGroups(List.of("metrics-service")).all().get().get("metrics-service").members();
            assertEquals(6, members.iterator().next().assignment().topicPartitions().size(), "survivor owns all 6 partitions");
        }

        // Every rule fired exactly once: one webhook-id per rule (a retry would repeat the same id).
        await().atMost(Duration.ofMinutes(2)).until(() -> receiver.byWebhookId().size() >= thresholds.size());
        Thread.sleep(3000); // late duplicates, if any, would arrive now
        Map<String, Set<String>> idsByRule = new HashMap<>();
        receiver.byWebhookId().forEach((id, carried) -> carried.forEach(n ->
                idsByRule.computeIfAbsent(n.rule() + ":" + n.to(), k -> new HashSet<>()).add(id)));
        assertEquals(thresholds.size(), idsByRule.size(), "transitions: " + idsByRule.keySet());
        receiver.byWebhookId().forEach((id, carried) -> assertEquals(1, carried.size(), "webhook-id " + id + " carried " + carried));
        for (long t : thresholds) {
            assertEquals(1, idsByRule.getOrDefault("cn-above-" + t + ":FIRING", Set.of()).size(), "one delivery id for cn-above-" + t);
        }
        assertTrue(receiver.requests() >= thresholds.size());
        System.out.printf("[scale-out] %d transitions, %d webhook requests (%d resent with the same webhook-id)%n",
                idsByRule.size(), receiver.requests(), receiver.requests() - receiver.byWebhookId().size());
    }
}
