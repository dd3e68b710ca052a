package io.nanopulse.metrics.pipeline;

import io.nanopulse.metrics.application.CounterFold;
import io.nanopulse.metrics.persistence.JdbcCounterStore;
import io.nanopulse.testkit.corpus.MessyStream;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real broker, real database: a messy stream must give exactly what a straightforward recomputation
 * gives, for several subjects, windows and a past asOf; poison goes to the DLQ; changes are published.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true, initArgs = @ResourceArg(name = "database", value = "metrics"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsPipelineTest {
    static final MessyStream STREAM = new MessyStream(7, 4000);
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static boolean produced;

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL prometheus;

    /** Once per class; in @BeforeEach because RestAssured learns the random test port only then. */
    @BeforeEach
    void produceAndAwait() {
        if (produced) {
            return;
        }
        produced = true;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            for (var r : STREAM.records) {
                producer.send(new ProducerRecord<>("patent-events", r.key(), r.value()));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath p = given().get("/metrics/progress").then().statusCode(200).extract().jsonPath();
            return p.getLong("eventsApplied") + p.getLong("deadLettered") >= STREAM.records.size();
        });
    }

    private static void assertFigures(String kind, String key, String window, String asOf, Predicate<MessyStream.Filing> subject,
                                      LocalDate from, LocalDate to) {
        long[] want = STREAM.expected(subject, from, to);
        long[] all = STREAM.expected(f -> true, from, to);
        var req = given().queryParam("kind", kind).queryParam("key", key).queryParam("window", window);
        if (asOf != null) req.queryParam("asOf", asOf);
        JsonPath got = req.get("/metrics/figures").then().statusCode(200).extract().jsonPath();
        String what = kind + " " + key + " " + window + " asOf " + asOf;
        assertEquals(want[0], got.getLong("filings"), what + " filings");
        assertEquals(want[1], got.getLong("licensed"), what + " licensed");
        assertEquals(want[2], got.getLong("grants"), what + " grants");
        assertEquals(want[0], got.getLong("share.numerator"), what + " share numerator");
        assertEquals(all[0], got.getLong("share.denominator"), what + " share denominator");
        assertEquals(want[1], got.getLong("licensingRate.numerator"), what + " rate numerator");
        assertEquals(from.toString(), got.getString("window.from"), what + " window from");
    }

    @Test
    @Order(1)
    void aggregatesEqualAnIndependentRecomputation() {
        LocalDate epoch = LocalDate.of(1900, 1, 1);
        Predicate<MessyStream.Filing> cn = f -> f.country().equals("CN");
        assertFigures("COUNTRY", "CN", "ALL", null, cn, epoch, TODAY);
        assertFigures("COUNTRY", "us", "ALL", null, f -> f.country().equals("US"), epoch, TODAY);
        assertFigures("GLOBAL", "", "ALL", null, f -> true, epoch, TODAY);
        assertFigures("COUNTRY", "CN", "2020", null, cn, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        assertFigures("COUNTRY", "CN", "2019-02-11..2021-07-19", null, cn, LocalDate.of(2019, 2, 11), LocalDate.of(2021, 7, 19));
        assertFigures("COUNTRY", "CN", "P12M", "2023-08-17", cn, LocalDate.of(2022, 8, 18), LocalDate.of(2023, 8, 17));
        assertFigures("COUNTRY", "KR", "P5Y", "2020-12-31", f -> f.country().equals("KR"),
                LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31));
        assertFigures("COUNTRY", "CN", "ALL", "2020-12-31", cn, epoch, LocalDate.of(2020, 12, 31));
        assertFigures("COUNTRY_SECTOR", "CN/semiconductors", "P3Y", "2024-03-03",
                f -> f.country().equals("CN") && f.sector().equals("SEMICONDUCTORS"), LocalDate.of(2021, 3, 4), LocalDate.of(2024, 3, 3));
        assertFigures("CITY", "CN/Suzhou", "ALL", null, f -> f.country().equals("CN") && "suzhou".equals(f.city()), epoch, TODAY);
        assertFigures("INSTITUTION", "Samsung Electronics", "P7Y", "2024-12-15", f -> f.institution().equals("samsung electronics"),
                LocalDate.of(2017, 12, 16), LocalDate.of(2024, 12, 15));
    }

    /** Every point of a series equals the recomputation over its month or year. */
    private static void assertSeries(String kind, String key, String interval, LocalDate from, LocalDate to,
                                     Predicate<MessyStream.Filing> subject) {
        JsonPath got = given().queryParam("kind", kind).queryParam("key", key).queryParam("interval", interval)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/metrics/timeseries").then().statusCode(200).extract().jsonPath(io.restassured.path.json.config.JsonPathConfig
                        .jsonPathConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> points = got.getList("points");
        boolean monthly = interval.equals("MONTH");
        LocalDate p = monthly ? from.withDayOfMonth(1) : from.withDayOfYear(1);
        assertEquals(monthly ? java.time.temporal.ChronoUnit.MONTHS.between(p, to.withDayOfMonth(1)) + 1
                : java.time.temporal.ChronoUnit.YEARS.between(p, to.withDayOfYear(1)) + 1, points.size(), kind + " " + key + " points");
        for (Map<String, Object> point : points) {
            LocalDate end = monthly ? p.plusMonths(1).minusDays(1) : p.plusYears(1).minusDays(1);
            long[] want = STREAM.expected(subject, p, end);
            String what = kind + " " + key + " " + interval + " " + p;
            assertEquals(p.toString(), point.get("period"), what);
            assertEquals(want[0], ((Number) point.get("filings")).longValue(), what + " filings");
            assertEquals(want[1], ((Number) point.get("licensed")).longValue(), what + " licensed");
            assertEquals(want[2], ((Number) point.get("grants")).longValue(), what + " grants");
            assertEquals(STREAM.expected(f -> true, p, end)[0], ((Number) point.get("globalFilings")).longValue(), what + " global");
            @SuppressWarnings("unchecked")
            Map<String, Object> rate = (Map<String, Object>) point.get("licensingRate");
            assertEquals(want[1], ((Number) rate.get("numerator")).longValue(), what + " licensing rate numerator");
            assertEquals(want[0], ((Number) rate.get("denominator")).longValue(), what + " licensing rate denominator");
            Object value = rate.get("value");
            assertEquals(want[0] == 0 ? null : java.math.BigDecimal.valueOf(want[1]).divide(java.math.BigDecimal.valueOf(want[0]), 10,
                    java.math.RoundingMode.HALF_EVEN).stripTrailingZeros(), value == null ? null : new java.math.BigDecimal(value.toString()).stripTrailingZeros(),
                    what + " licensing rate");
            p = monthly ? p.plusMonths(1) : p.plusYears(1);
        }
    }

    @Test
    @Order(1)
    void timeSeriesEqualAnIndependentRecomputation() {
        Predicate<MessyStream.Filing> samsung = f -> f.institution().equals("samsung electronics");
        assertSeries("INSTITUTION", "Samsung Electronics", "YEAR", LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31), samsung);
        assertSeries("INSTITUTION", "Samsung Electronics", "MONTH", LocalDate.of(2019, 11, 5), LocalDate.of(2021, 2, 3), samsung);
        assertSeries("COUNTRY", "CN", "MONTH", LocalDate.of(2019, 11, 5), LocalDate.of(2021, 2, 3), f -> f.country().equals("CN"));
        assertSeries("COUNTRY", "CN", "YEAR", LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31), f -> f.country().equals("CN"));
    }

    @Test
    @Order(2)
    void rankingsOrderCountriesByFilingsWithExactShares() {
        JsonPath r = given().queryParam("kind", "COUNTRY").queryParam("metric", "share").queryParam("limit", 3)
                .get("/metrics/rankings").then().statusCode(200).extract().jsonPath();
        assertEquals("CN", r.getString("entries[0].subject.key"));
        long cn = STREAM.expected(f -> f.country().equals("CN"), LocalDate.of(1900, 1, 1), TODAY)[0];
        assertEquals(cn, r.getLong("entries[0].filings"));
        assertEquals(3, r.getList("entries").size());
        assertTrue(r.getLong("entries[0].filings") >= r.getLong("entries[1].filings"));
        assertEquals(STREAM.expected(f -> true, LocalDate.of(1900, 1, 1), TODAY)[0], r.getLong("globalFilings"));
    }

    @Test
    @Order(3)
    void poisonRecordsAreDeadLetteredWithTheReason() {
        JsonPath p = given().get("/metrics/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(STREAM.poison, p.getLong("deadLettered"));
        JsonPath applied = given().get("/metrics/progress/applied").then().statusCode(200).extract().jsonPath();
        assertEquals(p.getLong("eventsApplied"), applied.getLong("eventsApplied"));
        assertEquals(p.getLong("deadLettered"), applied.getLong("deadLettered"));
        // Filed patents as operators see them: folded counters plus deltas, read in one snapshot.
        assertEquals(STREAM.expected(f -> true, LocalDate.of(1900, 1, 1), TODAY)[0], p.getLong("patents"));
        assertTrue(p.getLong("unfoldedCounterDeltas") >= 0 && p.getLong("parked") >= 0);
        var reasons = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("patent-events.dlq"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (reasons.size() < STREAM.poison && System.currentTimeMillis() < deadline) {
                for (var rec : consumer.poll(Duration.ofMillis(500))) {
                    reasons.add(new String(rec.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(STREAM.poison, reasons.size(), "dead letters: " + reasons);
        assertTrue(reasons.contains("unparseable JSON"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("country") && r.contains("ISO 3166-1")), reasons.toString());
    }

    @Test
    @Order(4)
    void metricChangesArePublishedAsCloudEvents() {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "changes-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("metric-changes"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (var rec : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals("io.nanopulse.metrics.changed",
                            new String(rec.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    JsonPath change = JsonPath.from(rec.value());
                    assertEquals(rec.key(), change.getString("changeId"));
                    assertTrue(change.getList("subjects").size() > 0);
                    return;
                }
            }
        }
        throw new AssertionError("no metric-changes record within 20 s");
    }

    @Test
    @Order(5)
    void aliasChangeReaggregatesAndRebuildGivesTheSameFigures() {
        // Rank once before the alias exists: the cached ranking must be dropped when the alias change commits.
        String topBefore = given().queryParam("kind", "INSTITUTION").queryParam("limit", 1).get("/metrics/rankings")
                .then().statusCode(200).extract().jsonPath().getString("entries[0].subject.key");
        org.junit.jupiter.api.Assertions.assertNotEquals("cas", topBefore);
        given().contentType(ContentType.JSON).body(Map.of("id", "cas", "displayName", "Chinese Academy of Sciences",
                        "country", "CN", "aliases", List.of("Chinese Academy of Sciences", "inst of * cas")))
                .post("/institutions").then().statusCode(201);
        Predicate<MessyStream.Filing> cas = f -> f.institution().equals("chinese academy of sciences")
                || (f.institution().startsWith("inst of ") && f.institution().endsWith(" cas"));
        LocalDate epoch = LocalDate.of(1900, 1, 1);
        assertFigures("INSTITUTION", "cas", "ALL", null, cas, epoch, TODAY);
        assertFigures("INSTITUTION", "cas", "P4Y", "2022-06-30", cas, LocalDate.of(2018, 7, 1), LocalDate.of(2022, 6, 30));
        JsonPath r = given().queryParam("kind", "INSTITUTION").queryParam("limit", 1).get("/metrics/rankings")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("cas", r.getString("entries[0].subject.key"));
        assertEquals("Chinese Academy of Sciences", r.getString("entries[0].subject.name"));

        given().post("/admin/rebuild").then().statusCode(200);
        assertFigures("INSTITUTION", "cas", "ALL", null, cas, epoch, TODAY);
        assertFigures("COUNTRY", "CN", "P12M", "2023-08-17", f -> f.country().equals("CN"), LocalDate.of(2022, 8, 18), LocalDate.of(2023, 8, 17));
        assertFigures("CITY", "CN/shanghai", "ALL", null, f -> f.country().equals("CN") && "shanghai".equals(f.city()), epoch, TODAY);

        // Removing the pattern alias moves the "inst of ... cas" filings back to their own names.
        long aliasId = given().get("/institutions/cas").then().statusCode(200).extract().jsonPath().getLong("aliases[1].id");
        given().delete("/institutions/cas/aliases/" + aliasId).then().statusCode(200);
        assertFigures("INSTITUTION", "cas", "ALL", null, f -> f.institution().equals("chinese academy of sciences"), epoch, TODAY);
    }

    @Inject
    CounterFold fold;
    @Inject
    DataSource dataSource;

    private long sql(String statement) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            if (statement.startsWith("SELECT")) {
                try (var rs = st.executeQuery(statement)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return st.executeUpdate(statement);
        }
    }

    /** Each query here is asked for the first time, so no cached answer can stand in for the read under test. */
    private static void assertFiguresWhereverTheCountersAre(String asOf) {
        LocalDate at = LocalDate.parse(asOf);
        LocalDate from = at.minusYears(2).plusDays(1);
        assertFigures("GLOBAL", "", "P2Y", asOf, f -> true, from, at);
        assertFigures("COUNTRY", "CN", "P2Y", asOf, f -> f.country().equals("CN"), from, at);
        assertFigures("CITY", "CN/Suzhou", "P2Y", asOf, f -> f.country().equals("CN") && "suzhou".equals(f.city()), from, at);
        assertFigures("COUNTRY_SECTOR", "CN/semiconductors", "P2Y", asOf,
                f -> f.country().equals("CN") && f.sector().equals("SEMICONDUCTORS"), from, at);
        assertSeries("CITY", "CN/Suzhou", "MONTH", from, at, f -> f.country().equals("CN") && "suzhou".equals(f.city()));
    }

    @Test
    @Order(6)
    void countersAwaitingAFoldReadExactlyAndFoldWithoutChange() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> fold.fold() >= 0 && sql("SELECT count(*) FROM counter_delta") == 0);
        try (var held = dataSource.getConnection(); var lock = held.createStatement()) {
            // Hold the fold lock, so no fold (after a batch or on the timer) moves rows while the reads run.
            held.setAutoCommit(false);
            lock.execute("SELECT pg_advisory_xact_lock(" + JdbcCounterStore.LOCK_KEY + ")");
            // As batches leave them: part of every counter still in deltas, and city counters only there.
            sql("INSERT INTO counter_delta SELECT kind, grain, subject, period, filings / 2, licensed / 2, granted / 2"
                    + " FROM filing_counter WHERE kind <> 4");
            sql("UPDATE filing_counter SET filings = filings - filings / 2, licensed = licensed - licensed / 2,"
                    + " granted = granted - granted / 2 WHERE kind <> 4");
            sql("WITH moved AS (DELETE FROM filing_counter WHERE kind = 4 RETURNING *) INSERT INTO counter_delta SELECT * FROM moved");
            assertEquals(0, sql("SELECT count(*) FROM filing_counter WHERE kind = 4"));
            assertEquals(-1, fold.fold(), "no fold while the lock is held");
            assertFiguresWhereverTheCountersAre("2021-09-09");
            held.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fold.fold() >= 0 && sql("SELECT count(*) FROM counter_delta") == 0);
        assertTrue(sql("SELECT count(*) FROM filing_counter WHERE kind = 4") > 0, "city counters are back");
        assertFiguresWhereverTheCountersAre("2022-10-10");

        // Operators see the folds: their timing, and nothing this instance appended left unfolded.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String meters = given().get(prometheus).then().statusCode(200).extract().asString();
            assertTrue(meters.contains("nanopulse_metrics_counters_fold_seconds_count"), "fold timer exported");
            // The stream's batches were applied in parallel parts (so the figures above were added up from parts):
            // more parts than batches.
            assertTrue(meter(meters, "nanopulse_metrics_batch_parts_sum") > meter(meters, "nanopulse_metrics_batch_parts_count"),
                    "batches applied in parts");
            assertTrue(meters.lines().anyMatch(l -> l.matches("nanopulse_metrics_counters_unfolded(\\{.*})? 0\\.0")),
                    "no unfolded delta rows left");
        });
    }

    @Test
    @Order(7)
    void pausedConsumptionLeavesEventsInKafkaUntilResumed() {
        long applied = given().get("/metrics/progress").then().statusCode(200).extract().jsonPath().getLong("eventsApplied");
        long filings = nzFilings();
        given().post("/admin/consumption/pause").then().statusCode(200).body("paused", org.hamcrest.Matchers.equalTo(true));
        given().get("/admin/consumption").then().statusCode(200).body("paused", org.hamcrest.Matchers.equalTo(true));
        assertEquals(1.0, meter(given().get(prometheus).then().extract().asString(), "nanopulse_metrics_consumption_paused"));
        String patentId = "NZ" + (100000 + new java.util.Random().nextInt(900000)) + "PAUSE";
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("patent-events", patentId, "{\"type\":\"PATENT_FILED\",\"eventId\":\"pause-" + patentId
                    + "\",\"patentId\":\"" + patentId + "\",\"country\":\"NZ\",\"institution\":\"Paused Holder\","
                    + "\"sector\":\"ENERGY\",\"filingDate\":\"2022-05-05\"}"));
            producer.flush();
        }
        // Nothing is applied while paused (the record waits in the topic)...
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                given().get("/metrics/progress").then().extract().jsonPath().getLong("eventsApplied") == applied);
        assertEquals(filings, nzFilings());
        // ...and everything is once resumed.
        given().post("/admin/consumption/resume").then().statusCode(200).body("paused", org.hamcrest.Matchers.equalTo(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> nzFilings() == filings + 1);
        assertEquals(applied + 1, given().get("/metrics/progress").then().extract().jsonPath().getLong("eventsApplied"));
        assertEquals(0.0, meter(given().get(prometheus).then().extract().asString(), "nanopulse_metrics_consumption_paused"));
    }

    private static long nzFilings() {
        return given().queryParam("kind", "COUNTRY").queryParam("key", "NZ").queryParam("window", "ALL").get("/metrics/figures")
                .then().statusCode(200).extract().jsonPath().getLong("filings");
    }

    private static double meter(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not exported"));
    }

    @Test
    void badQueriesGetProblemDetailsNamingTheField() {
        given().queryParam("kind", "PLANET").queryParam("key", "x").get("/metrics/figures").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("kind"));
        given().queryParam("kind", "COUNTRY").queryParam("key", "XX").get("/metrics/figures").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("key"));
        given().queryParam("kind", "COUNTRY").queryParam("key", "CN").queryParam("window", "yesterday")
                .get("/metrics/figures").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("window"));
        given().queryParam("kind", "COUNTRY").queryParam("key", "CN").queryParam("asOf", "2020-13-01")
                .get("/metrics/figures").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("asOf"));
        given().queryParam("limit", 0).get("/metrics/rankings").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        given().contentType(ContentType.JSON).body(Map.of("id", "Bad Id!", "displayName", "x"))
                .post("/institutions").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("id"));
        given().get("/institutions/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
