package io.nanopulse.metrics.pipeline;

import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.Sector;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real broker, real database: retracting a patent and single deals takes exactly their counts out of every
 * subject and window (counters and patent rows alike), a resend or a repeated retraction changes nothing, a
 * rebuild from the ledger agrees, and the drop is announced on metric-changes.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "metrics_retractions"))
@WithTestResource(value = RetractionTopics.class)
class RetractionPipelineTest {
    static final LocalDate FILED = LocalDate.of(2023, 5, 10);
    static final String INSTITUTION = "Retraction Test Institute";

    private static PatentEvent filed(String patentId) {
        return PatentEvent.filed("f-" + patentId, patentId, "DE", INSTITUTION, Sector.ENERGY, FILED, "Jena");
    }

    private static PatentEvent licence(String eventId, String patentId) {
        return PatentEvent.deal(io.nanopulse.contracts.EventType.PATENT_LICENSED, eventId, patentId, "Zeiss", "DE", FILED.plusDays(30));
    }

    private static void send(List<PatentEvent> events) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (PatentEvent e : events) {
                producer.send(new ProducerRecord<>(RetractionTopics.EVENTS, e.patentId(), Json.mapper().writeValueAsString(e)));
            }
            producer.flush();
        }
    }

    private static long applied() {
        JsonPath p = given().get("/metrics/progress").then().statusCode(200).extract().jsonPath();
        return p.getLong("eventsApplied") + p.getLong("deadLettered");
    }

    private static void sendAndAwait(List<PatentEvent> events) throws Exception {
        long before = applied();
        send(events);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> applied() >= before + events.size());
    }

    /** {filings, grants, licensed} of a subject over a window. */
    private static List<Long> figures(String kind, String key, String window) {
        JsonPath got = given().queryParam("kind", kind).queryParam("key", key).queryParam("window", window)
                .get("/metrics/figures").then().statusCode(200).extract().jsonPath();
        return List.of(got.getLong("filings"), got.getLong("grants"), got.getLong("licensed"));
    }

    private static void assertEverywhere(List<Long> want) {
        // ALL is summed from counters; the range has partial months, read from the patent rows.
        for (String window : List.of("ALL", "2023", "2023-05-01..2023-05-20")) {
            assertEquals(want, figures("COUNTRY", "DE", window), "country " + window);
            assertEquals(want, figures("COUNTRY_SECTOR", "DE/ENERGY", window), "sector " + window);
            assertEquals(want, figures("CITY", "DE/jena", window), "city " + window);
            assertEquals(want, figures("INSTITUTION", INSTITUTION, window), "institution " + window);
            assertEquals(want, figures("GLOBAL", "", window), "global " + window);
        }
    }

    private static List<String> changes(KafkaConsumer<String, String> consumer) {
        var values = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    @Test
    void retractionsTakeExactlyTheirCountsOutEverywhere() throws Exception {
        sendAndAwait(List.of(
                filed("DE1000001A"), PatentEvent.granted("g-1", "DE1000001A", FILED.plusDays(60)),
                licence("l-1", "DE1000001A"), licence("l-2", "DE1000001A"),
                filed("DE1000002A"), licence("l-3", "DE1000002A"),
                filed("DE1000003A"), licence("l-4", "DE1000003A"), licence("l-5", "DE1000003A"),
                filed("DE1000004A")));
        assertEverywhere(List.of(4L, 1L, 3L));

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "retraction-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(RetractionTopics.CHANGES));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty();
            });

            sendAndAwait(List.of(
                    PatentEvent.patentRetracted("r-1", "DE1000001A", "sent by mistake"),
                    PatentEvent.dealRetracted("r-3", "DE1000002A", "l-3", "licence cancelled"),
                    PatentEvent.dealRetracted("r-4", "DE1000003A", "l-4", "licence cancelled")));
            // Patent 1 (filed, granted, two deals) is gone; patent 2 lost its only deal; patent 3 keeps l-5.
            assertEverywhere(List.of(3L, 0L, 1L));

            List<String> announced = changes(consumer);
            assertTrue(announced.stream().anyMatch(c -> c.contains("\"globalChanged\":true") && c.contains("\"key\":\"DE\"")
                    && c.contains("\"fromDay\":\"2023-05-10\"")), "the drop is announced: " + announced);
        }

        // The same retractions again, the retracted patent's events resent, a retracted deal resent: nothing moves.
        sendAndAwait(List.of(
                PatentEvent.patentRetracted("r-1", "DE1000001A", "sent by mistake"),
                PatentEvent.dealRetracted("r-3", "DE1000002A", "l-3", "licence cancelled"),
                filed("DE1000001A"), PatentEvent.filed("f-new", "DE1000001A", "DE", INSTITUTION, Sector.ENERGY, FILED, "Jena"),
                licence("l-1", "DE1000001A"), licence("l-3", "DE1000002A")));
        assertEverywhere(List.of(3L, 0L, 1L));

        // A rebuild from the ledger gives the same figures; a tombstone is not a parked patent.
        given().post("/admin/rebuild").then().statusCode(200);
        assertEverywhere(List.of(3L, 0L, 1L));
        assertEquals(0, given().get("/metrics/progress").then().statusCode(200).extract().jsonPath().getLong("parked"));
    }
}
