package io.nanopulse.metrics.pipeline;

import io.nanopulse.testkit.corpus.MessyStream;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The breakdown of the figures batch ({@code breakdown: true}): the members add up to the figures exactly, even while batches
 * and folds commit during the read, and each member equals an independent recomputation from the events.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "metrics_breakdown"))
@WithTestResource(value = OwnTopics.class, initArgs = {@ResourceArg(name = "events", value = "patent-events-breakdown"),
        @ResourceArg(name = "changes", value = "metric-changes-breakdown"), @ResourceArg(name = "group", value = "metrics-breakdown-test")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BreakdownTest {
    static final MessyStream STREAM = new MessyStream(21, 3000);
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);
    static final List<String> SECTORS = List.of("SEMICONDUCTORS", "MATERIALS", "BIOMEDICINE", "ENERGY", "CATALYSIS",
            "ENVIRONMENT", "OTHER");
    static final List<String> COUNTRIES = List.of("CN", "US", "JP", "KR", "DE", "TW", "FR");

    private static long applied() {
        JsonPath p = given().get("/metrics/progress").then().statusCode(200).extract().jsonPath();
        return p.getLong("eventsApplied") + p.getLong("deadLettered");
    }

    private static String query(String kind, String key, String window, String asOf, String breakdown) {
        return "{\"kind\":\"" + kind + "\",\"key\":\"" + key + "\",\"window\":\"" + window + "\""
                + (asOf == null ? "" : ",\"asOf\":\"" + asOf + "\"") + (breakdown == null ? "" : ",\"breakdown\":" + breakdown) + "}";
    }

    private static List<Map<String, Object>> batch(String... queries) {
        return given().contentType(ContentType.JSON).body("{\"queries\":[" + String.join(",", queries) + "]}")
                .post("/metrics/figures/batch").then().statusCode(200).extract().jsonPath().getList("results");
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> contributions(Map<String, Object> figures) {
        return (List<Map<String, Object>>) figures.get("contributions");
    }

    /** The members' filings, grants and licensed add up to the subject's; the share's denominator is the world's. */
    @SuppressWarnings("unchecked")
    private static void assertAddsUp(Map<String, Object> figures, long global) {
        long f = 0, g = 0, l = 0;
        for (var c : contributions(figures)) {
            f += number(c.get("filings"));
            g += number(c.get("grants"));
            l += number(c.get("licensed"));
        }
        String what = figures.get("subject") + " " + figures.get("window");
        assertEquals(number(figures.get("filings")), f, what + " filings");
        assertEquals(number(figures.get("grants")), g, what + " grants");
        assertEquals(number(figures.get("licensed")), l, what + " licensed");
        assertEquals(global, number(((Map<String, Object>) figures.get("share")).get("denominator")), what + " global");
    }

    @Test
    @Order(1)
    void whileBatchesAndFoldsCommitTheMembersAlwaysAddUp() {
        var sending = CompletableFuture.runAsync(() -> {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new StringSerializer())) {
                // Small flushes: many small batches, each committing while figures are being read.
                for (int i = 0; i < STREAM.records.size(); i++) {
                    var r = STREAM.records.get(i);
                    producer.send(new ProducerRecord<>("patent-events-breakdown", r.key(), r.value()));
                    if (i % 5 == 4) producer.flush();
                }
                producer.flush();
            }
        });
        long world = -1;
        boolean done = false;
        while (!done) {
            done = sending.isDone() && applied() >= STREAM.records.size();
            // Whole counters and partial months (patent rows) in one window; the world in the same snapshot.
            var got = batch(query("GLOBAL", "", "ALL", null, "true"),
                    query("COUNTRY", "CN", "2013-02-11..2024-09-20", null, "true"),
                    query("COUNTRY", "US", "P5Y", "2023-06-15", "true"));
            world = number(got.get(0).get("filings"));
            assertAddsUp(got.get(0), world);
            assertAddsUp(got.get(1), number(((Map<?, ?>) got.get(1).get("share")).get("denominator")));
            assertAddsUp(got.get(2), number(((Map<?, ?>) got.get(2).get("share")).get("denominator")));
        }
        sending.join();
        assertEquals(STREAM.expected(f -> true, EPOCH, TODAY)[0], world, "the last read, once every event was applied");
    }

    /** The members, most filings first (ties by key), equal the recomputation from the stream; none without filings. */
    private static void assertMembers(Map<String, Object> figures, String kind, List<String> candidates,
                                      Function<String, Predicate<MessyStream.Filing>> member, LocalDate from, LocalDate to) {
        var want = new LinkedHashMap<String, long[]>();
        for (String key : candidates) {
            long[] e = STREAM.expected(member.apply(key), from, to);
            if (e[0] > 0) want.put(key, e);
        }
        var order = new ArrayList<>(want.keySet());
        order.sort(Comparator.comparingLong((String k) -> want.get(k)[0]).reversed().thenComparing(k -> k));
        var got = contributions(figures);
        String what = figures.get("subject") + " " + figures.get("window");
        assertEquals(order, got.stream().map(c -> (String) c.get("key")).toList(), what + " members in order");
        for (var c : got) {
            long[] e = want.get((String) c.get("key"));
            assertEquals(kind, c.get("kind"), what);
            assertEquals(e[0], number(c.get("filings")), what + " " + c.get("key") + " filings");
            assertEquals(e[1], number(c.get("licensed")), what + " " + c.get("key") + " licensed");
            assertEquals(e[2], number(c.get("grants")), what + " " + c.get("key") + " grants");
        }
    }

    @Test
    @Order(2)
    void membersEqualAnIndependentRecomputation() {
        await().atMost(Duration.ofSeconds(90)).until(() -> applied() >= STREAM.records.size());
        var got = batch(query("GLOBAL", "", "ALL", null, "true"),
                query("GLOBAL", "", "P12M", "2021-03-17", "true"),
                query("COUNTRY", "CN", "ALL", null, "true"),
                query("COUNTRY", "cn", "2013-02-11..2024-09-20", null, "true"),
                query("COUNTRY", "KR", "2019", null, "true"));
        assertMembers(got.get(0), "COUNTRY", COUNTRIES, c -> f -> f.country().equals(c), EPOCH, TODAY);
        assertMembers(got.get(1), "COUNTRY", COUNTRIES, c -> f -> f.country().equals(c),
                LocalDate.of(2020, 3, 18), LocalDate.of(2021, 3, 17));
        Function<String, Predicate<MessyStream.Filing>> cnSector = s -> f -> f.country().equals("CN") && ("CN/" + f.sector()).equals(s);
        List<String> cnSectors = SECTORS.stream().map(s -> "CN/" + s).toList();
        assertMembers(got.get(2), "COUNTRY_SECTOR", cnSectors, cnSector, EPOCH, TODAY);
        assertMembers(got.get(3), "COUNTRY_SECTOR", cnSectors, cnSector, LocalDate.of(2013, 2, 11), LocalDate.of(2024, 9, 20));
        assertMembers(got.get(4), "COUNTRY_SECTOR", SECTORS.stream().map(s -> "KR/" + s).toList(),
                s -> f -> f.country().equals("KR") && ("KR/" + f.sector()).equals(s), LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        for (var figures : got) {
            assertAddsUp(figures, number(((Map<?, ?>) figures.get("share")).get("denominator")));
        }
    }

    @Test
    @Order(2)
    void aGroupBreaksDownIntoItsMembers() {
        for (String body : List.of("{\"name\":\"us-jp-kr\",\"memberKind\":\"COUNTRY\",\"members\":[\"US\",\"JP\",\"KR\"]}",
                "{\"name\":\"cn-academia\",\"memberKind\":\"INSTITUTION\",\"members\":"
                        + "[\"Chinese Academy of Sciences\",\"Tsinghua University\",\"Zhejiang University\"]}")) {
            given().contentType(ContentType.JSON).body(body).post("/groups").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> applied() >= STREAM.records.size());
        var got = batch(query("GROUP", "us-jp-kr", "ALL", null, "true"),
                query("GROUP", "us-jp-kr", "2016-05-02..2022-11-29", null, "true"),
                query("GROUP", "cn-academia", "P5Y", "2024-01-15", "true"),
                query("GROUP", "us-jp-kr", "2016-05-02..2022-11-29", null, null),
                query("GROUP", "cn-academia", "P5Y", "2024-01-15", null));
        assertMembers(got.get(0), "COUNTRY", List.of("US", "JP", "KR"), c -> f -> f.country().equals(c), EPOCH, TODAY);
        assertMembers(got.get(1), "COUNTRY", List.of("US", "JP", "KR"), c -> f -> f.country().equals(c),
                LocalDate.of(2016, 5, 2), LocalDate.of(2022, 11, 29));
        assertMembers(got.get(2), "INSTITUTION", List.of("chinese academy of sciences", "tsinghua university", "zhejiang university"),
                i -> f -> f.institution().equals(i), LocalDate.of(2019, 1, 16), LocalDate.of(2024, 1, 15));
        for (int i = 0; i < 3; i++) {
            assertAddsUp(got.get(i), number(((Map<?, ?>) got.get(i).get("share")).get("denominator")));
        }
        // The same figures as without a breakdown.
        assertEquals(got.get(1).get("filings"), got.get(3).get("filings"));
        assertEquals(got.get(2).get("licensed"), got.get(4).get("licensed"));
    }

    @Test
    @Order(3)
    void withoutBreakdownTheAnswerHasNoContributions() {
        var got = batch(query("COUNTRY", "CN", "ALL", null, null), query("COUNTRY", "CN", "ALL", null, "false"));
        assertFalse(got.get(0).containsKey("contributions"), "contributions only when asked: " + got.get(0));
        assertFalse(got.get(1).containsKey("contributions"), "contributions only when asked: " + got.get(1));
    }

    @Test
    @Order(3)
    void aSubjectWithoutMembersIsRefusedNamingBreakdown() {
        for (String q : List.of(query("INSTITUTION", "cas", "ALL", null, "true"), query("COUNTRY_SECTOR", "CN/MATERIALS", "ALL", null, "true"),
                query("CITY", "CN/beijing", "ALL", null, "true"))) {
            given().contentType(ContentType.JSON).body("{\"queries\":[" + query("GLOBAL", "", "ALL", null, "false") + "," + q + "]}")
                    .post("/metrics/figures/batch").then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("field", equalTo("queries[1].breakdown"));
        }
        given().contentType(ContentType.JSON).body("{\"queries\":[" + query("COUNTRY", "CN", "ALL", null, "\"yes\"") + "]}")
                .post("/metrics/figures/batch").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
