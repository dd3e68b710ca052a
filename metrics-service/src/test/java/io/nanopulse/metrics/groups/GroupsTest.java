package io.nanopulse.metrics.groups;

import io.nanopulse.metrics.pipeline.OwnTopics;
import io.nanopulse.testkit.corpus.MessyStream;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groups: who may change which, every bad input refused naming it, and a group's figures, series and rankings
 * equal the sums of its members' own figures (read with member queries) and an independent recomputation.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "metrics_groups"))
@WithTestResource(value = OwnTopics.class, initArgs = {@ResourceArg(name = "events", value = "patent-events-groups"),
        @ResourceArg(name = "changes", value = "metric-changes-groups"), @ResourceArg(name = "group", value = "metrics-groups-test")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupsTest {
    static final MessyStream STREAM = new MessyStream(33, 2000);
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);
    static final String[] WINDOWS = {"ALL", "2013-02-11..2024-09-20", "2019", "P12M"};

    static RequestSpecification as(String principal, String... roles) {
        return RestAssured.given().filter(GatewayProof.as(principal, roles));
    }

    static RequestSpecification alice() {
        return as("alice", "alerts", "read");
    }

    static RequestSpecification bob() {
        return as("bob", "alerts", "read");
    }

    static RequestSpecification admin() {
        return as("root", "admin");
    }

    static String body(String name, String kind, String members, Boolean shared) {
        return "{" + (name == null ? "" : "\"name\":\"" + name + "\",") + "\"memberKind\":\"" + kind + "\",\"members\":" + members
                + (shared == null ? "" : ",\"shared\":" + shared) + "}";
    }

    static ValidatableResponse create(RequestSpecification who, String body) {
        return who.contentType(ContentType.JSON).body(body).post("/groups").then();
    }

    static ValidatableResponse update(RequestSpecification who, String name, String body) {
        return who.contentType(ContentType.JSON).body(body).put("/groups/" + name).then();
    }

    static void problem(ValidatableResponse r, int status, String field) {
        r.statusCode(status).contentType(startsWith("application/problem+json"));
        if (field != null) r.body("field", equalTo(field));
    }

    private static long applied() {
        JsonPath p = given().get("/metrics/progress").then().statusCode(200).extract().jsonPath();
        return p.getLong("eventsApplied") + p.getLong("deadLettered");
    }

    @Test
    @Order(1)
    void theStreamIsApplied() {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (var r : STREAM.records) {
                producer.send(new ProducerRecord<>("patent-events-groups", r.key(), r.value()));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> applied() >= STREAM.records.size());
    }

    @Test
    @Order(2)
    void anOwnerChangesItsGroupsAndNoOneElseBesidesAdmins() {
        create(alice(), body("US-JP-KR", "country", "[\"us\",\"JP\",\" kr \",\"US\"]", null)).statusCode(201)
                .header("Location", endsWith("/groups/us-jp-kr"))
                .body("name", equalTo("us-jp-kr")).body("memberKind", equalTo("COUNTRY"))
                .body("members", contains("JP", "KR", "US")).body("shared", equalTo(false)).body("owner", equalTo("alice"));
        problem(create(bob(), body("us-jp-kr", "COUNTRY", "[\"DE\"]", null)), 409, "name");
        // A private group is its owner's and the admins': anyone else gets the 404 of an unknown group.
        problem(as("reader", "read").get("/groups/us-jp-kr").then(), 404, null);
        alice().get("/groups/us-jp-kr").then().statusCode(200).body("owner", equalTo("alice"))
                .body("members", contains("JP", "KR", "US"));
        admin().get("/groups/US-JP-KR").then().statusCode(200).body("owner", equalTo("alice"));
        problem(update(bob(), "us-jp-kr", body(null, "COUNTRY", "[\"DE\"]", null)), 404, null);
        problem(bob().delete("/groups/us-jp-kr").then(), 404, null);
        problem(create(as("reader", "read"), body("readers", "COUNTRY", "[\"DE\"]", null)), 403, null);
        update(alice(), "us-jp-kr", body("us-jp-kr", "COUNTRY", "[\"US\",\"JP\"]", null)).statusCode(200)
                .body("members", contains("JP", "US"));
        problem(update(alice(), "us-jp-kr", body("other", "COUNTRY", "[\"US\"]", null)), 400, "name");
        problem(update(alice(), "us-jp-kr", body(null, "COUNTRY", "[\"US\"]", true)), 400, "shared");
        update(admin(), "us-jp-kr", body(null, "COUNTRY", "[\"US\",\"JP\",\"KR\"]", false)).statusCode(200)
                .body("members", contains("JP", "KR", "US")).body("owner", equalTo("alice"));

        // Shared groups: admins create and change them, owners of nothing there.
        problem(create(alice(), body("east-asia", "COUNTRY", "[\"CN\",\"JP\",\"KR\",\"TW\"]", true)), 403, null);
        create(admin(), body("east-asia", "COUNTRY", "[\"CN\",\"JP\",\"KR\",\"TW\"]", true)).statusCode(201)
                .body("shared", equalTo(true)).body("owner", nullValue());
        problem(update(alice(), "east-asia", body(null, "COUNTRY", "[\"CN\"]", null)), 403, null);
        problem(alice().delete("/groups/east-asia").then(), 403, null);

        create(bob(), body("bobs", "COUNTRY", "[\"DE\"]", null)).statusCode(201);
        admin().delete("/groups/bobs").then().statusCode(204);
        problem(bob().get("/groups/bobs").then(), 404, null);
        problem(bob().delete("/groups/bobs").then(), 404, null);

        JsonPath page = as("reader", "read").queryParams(Map.of("page", "0", "size", "1")).get("/groups").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("east-asia"), page.getList("items.name"));
        assertEquals(1, page.getLong("total"), "a reader pages through the shared groups only");
        assertEquals(List.of("east-asia", "us-jp-kr"), admin().get("/groups").then().statusCode(200).extract()
                .jsonPath().getList("items.name"));
        problem(as("reader", "read").queryParam("size", "201").get("/groups").then(), 400, "size");
    }

    @Test
    @Order(3)
    void badGroupsAreRefusedNamingTheField() {
        problem(create(alice(), body(null, "COUNTRY", "[\"US\"]", null)), 400, "name");
        problem(create(alice(), body("-us", "COUNTRY", "[\"US\"]", null)), 400, "name");
        problem(create(alice(), body("a".repeat(64), "COUNTRY", "[\"US\"]", null)), 400, "name");
        problem(create(alice(), body("cities", "CITY", "[\"CN/beijing\"]", null)), 400, "memberKind");
        problem(create(alice(), body("groups", "GROUP", "[\"us-jp-kr\"]", null)), 400, "memberKind");
        problem(create(alice(), "{\"name\":\"x\",\"members\":[\"US\"]}"), 400, "memberKind");
        problem(create(alice(), body("none", "COUNTRY", "[]", null)), 400, "members");
        problem(create(alice(), body("none", "COUNTRY", "null", null)), 400, "members");
        problem(create(alice(), body("bad", "COUNTRY", "[\"XX\",\"CN\"]", null)), 400, "members[0]");
        problem(create(alice(), body("bad", "COUNTRY", "[\"CN\",null]", null)), 400, "members[1]");
        problem(create(alice(), body("bad", "INSTITUTION", "[\"ibm\",\"no such holder\"]", null)), 400, "members[1]");
        var many = new ArrayList<String>();
        for (int i = 0; i < 201; i++) many.add("\"h" + i + "\"");
        problem(create(alice(), body("many", "INSTITUTION", "[" + String.join(",", many) + "]", null)), 400, "members");
        problem(alice().contentType(ContentType.JSON).body("{\"name\":\"x\",\"name\":\"y\"}").post("/groups").then(), 400, "name");
        as("reader", "read").get("/groups/bad").then().statusCode(404);
    }

    @Test
    @Order(3)
    void anUnknownGroupIsA404NamingTheKey() {
        problem(given().queryParams(Map.of("kind", "GROUP", "key", "nope")).get("/metrics/figures").then(), 404, "key");
        problem(given().queryParams(Map.of("kind", "GROUP", "key", "nope")).get("/metrics/timeseries").then(), 404, "key");
        problem(given().queryParams(Map.of("kind", "GROUP", "key", "no pe")).get("/metrics/figures").then(), 400, "key");
        problem(given().contentType(ContentType.JSON)
                .body("{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\"},{\"kind\":\"GROUP\",\"key\":\"nope\"}]}")
                .post("/metrics/figures/batch").then(), 404, "queries[1].key");
        problem(given().queryParams(Map.of("kind", "GROUP", "country", "CN")).get("/metrics/rankings").then(), 400, "country");
    }

    static JsonPath figures(String kind, String key, String window) {
        var q = new java.util.HashMap<String, String>(Map.of("kind", kind, "key", key, "window", window));
        if (window.startsWith("P")) q.put("asOf", "2021-03-17");
        return given().queryParams(q).get("/metrics/figures").then().statusCode(200).extract().jsonPath();
    }

    static LocalDate[] span(String window) {
        return switch (window) {
            case "ALL" -> new LocalDate[]{EPOCH, TODAY};
            case "2019" -> new LocalDate[]{LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)};
            case "P12M" -> new LocalDate[]{LocalDate.of(2020, 3, 18), LocalDate.of(2021, 3, 17)};
            default -> new LocalDate[]{LocalDate.of(2013, 2, 11), LocalDate.of(2024, 9, 20)};
        };
    }

    /** The group's figures equal the sum of its members' own figures and the recomputation from the stream. */
    static void assertSums(String group, String memberKind, List<String> members, Predicate<MessyStream.Filing> inGroup) {
        for (String window : WINDOWS) {
            JsonPath g = figures("GROUP", group, window);
            long f = 0, l = 0, gr = 0;
            for (String m : members) {
                JsonPath one = figures(memberKind, m, window);
                f += one.getLong("filings");
                l += one.getLong("licensed");
                gr += one.getLong("grants");
            }
            long world = figures("GLOBAL", "", window).getLong("filings");
            String what = group + " " + window;
            assertTrue(f > 0, what + " has filings");
            assertEquals(f, g.getLong("filings"), what + " filings");
            assertEquals(l, g.getLong("licensed"), what + " licensed");
            assertEquals(gr, g.getLong("grants"), what + " grants");
            assertEquals(f, g.getLong("share.numerator"), what + " share numerator");
            assertEquals(world, g.getLong("share.denominator"), what + " share denominator");
            assertEquals(l, g.getLong("licensingRate.numerator"), what + " rate numerator");
            assertEquals(f, g.getLong("licensingRate.denominator"), what + " rate denominator");
            assertEquals("GROUP", g.getString("subject.kind"));
            assertEquals(group, g.getString("subject.key"));
            LocalDate[] span = span(window);
            long[] expected = STREAM.expected(inGroup, span[0], span[1]);
            assertEquals(expected[0], f, what + " filings recomputed");
            assertEquals(expected[1], l, what + " licensed recomputed");
            assertEquals(expected[2], gr, what + " grants recomputed");
        }
    }

    @Test
    @Order(4)
    void aGroupsFiguresAreTheSumsOfItsMembers() {
        assertSums("us-jp-kr", "COUNTRY", List.of("US", "JP", "KR"), x -> List.of("US", "JP", "KR").contains(x.country()));
        create(bob(), body("holders", "INSTITUTION", "[\"IBM\",\"Samsung  Electronics\",\"toshiba\"]", null)).statusCode(201)
                .body("members", contains("ibm", "samsung electronics", "toshiba"));
        assertSums("holders", "INSTITUTION", List.of("ibm", "samsung electronics", "toshiba"),
                x -> List.of("ibm", "samsung electronics", "toshiba").contains(x.institution()));
        var batch = given().contentType(ContentType.JSON).body("{\"queries\":[{\"kind\":\"group\",\"key\":\"US-JP-KR\",\"window\":\"2019\"}]}")
                .post("/metrics/figures/batch").then().statusCode(200).extract().jsonPath();
        assertEquals(figures("GROUP", "us-jp-kr", "2019").getLong("filings"), batch.getLong("results[0].filings"));
    }

    @Test
    @Order(5)
    void aGroupsSeriesIsTheSumOfItsMembersSeries() {
        for (String interval : List.of("YEAR", "MONTH")) {
            Map<String, String> q = Map.of("interval", interval, "from", "2014-01-01", "to", "2016-06-30");
            var group = given().queryParams(q).queryParams(Map.of("kind", "GROUP", "key", "holders")).get("/metrics/timeseries")
                    .then().statusCode(200).extract().jsonPath();
            List<Integer> sum = null;
            for (String m : List.of("ibm", "samsung electronics", "toshiba")) {
                List<Integer> one = given().queryParams(q).queryParams(Map.of("kind", "INSTITUTION", "key", m))
                        .get("/metrics/timeseries").then().statusCode(200).extract().jsonPath().getList("points.filings", Integer.class);
                if (sum == null) {
                    sum = new ArrayList<>(one);
                } else {
                    for (int i = 0; i < one.size(); i++) sum.set(i, sum.get(i) + one.get(i));
                }
            }
            assertEquals(sum, group.getList("points.filings", Integer.class), interval);
            assertTrue(sum.stream().mapToInt(Integer::intValue).sum() > 0, interval + " has filings");
        }
    }

    @Test
    @Order(6)
    void rankingsOfGroupsRankEveryGroupByItsSums() {
        create(alice(), body("de-tw", "COUNTRY", "[\"DE\",\"TW\"]", null)).statusCode(201);
        create(alice(), body("cn", "COUNTRY", "[\"CN\"]", null)).statusCode(201);
        for (String metric : List.of("filings", "licensingRate")) {
            for (String window : List.of("ALL", "2019")) {
                var ranking = given().queryParams(Map.of("kind", "GROUP", "metric", metric, "window", window, "limit", "100"))
                        .get("/metrics/rankings").then().statusCode(200).extract().jsonPath();
                var names = List.of("cn", "de-tw", "east-asia", "holders", "us-jp-kr");
                var want = new ArrayList<>(names);
                Map<String, JsonPath> each = new java.util.HashMap<>();
                for (String n : names) each.put(n, figures("GROUP", n, window));
                Comparator<String> order = metric.equals("filings")
                        ? Comparator.comparingLong((String n) -> each.get(n).getLong("filings")).reversed()
                        : Comparator.comparingDouble((String n) -> each.get(n).getDouble("licensingRate.value")).reversed()
                        .thenComparing(Comparator.comparingLong((String n) -> each.get(n).getLong("filings")).reversed());
                want.sort(order.thenComparing(n -> n));
                String what = metric + " " + window;
                assertEquals(want, ranking.getList("entries.subject.key"), what);
                for (int i = 0; i < want.size(); i++) {
                    assertEquals(each.get(want.get(i)).getLong("filings"), ranking.getLong("entries[" + i + "].filings"), what);
                    assertEquals(each.get(want.get(i)).getLong("licensed"), ranking.getLong("entries[" + i + "].licensed"), what);
                    assertEquals(each.get(want.get(i)).getLong("grants"), ranking.getLong("entries[" + i + "].grants"), what);
                }
            }
        }
        // A change of members shows in the next ranking (the cached one is dropped).
        given().queryParams(Map.of("kind", "GROUP", "limit", "1")).get("/metrics/rankings").then().statusCode(200)
                .body("entries[0].subject.key", equalTo("east-asia"));
        update(admin(), "east-asia", body(null, "COUNTRY", "[\"TW\"]", null)).statusCode(200);
        update(alice(), "cn", body(null, "COUNTRY", "[\"CN\",\"US\"]", null)).statusCode(200);
        given().queryParams(Map.of("kind", "GROUP", "limit", "1")).get("/metrics/rankings").then().statusCode(200)
                .body("entries[0].subject.key", equalTo("cn"));
    }

    @Test
    @Order(7)
    void aNameAnAliasNamesIsStoredAsItsInstitution() {
        admin().contentType(ContentType.JSON).body("{\"id\":\"cas\",\"displayName\":\"Chinese Academy of Sciences\","
                + "\"country\":\"CN\",\"aliases\":[\"Chinese Academy of Sciences\",\"INST OF * CAS\"]}").post("/institutions")
                .then().statusCode(201);
        create(alice(), body("academies", "INSTITUTION", "[\"chinese academy of  SCIENCES\",\"Tsinghua University\"]", null))
                .statusCode(201).body("members", contains("cas", "tsinghua university"));
        assertSums("academies", "INSTITUTION", List.of("cas", "tsinghua university"),
                x -> List.of("chinese academy of sciences", "inst of physics cas", "tsinghua university").contains(x.institution()));
    }

    /** Names of the groups {@code who} gets in a GROUP ranking. */
    static List<String> rankedGroups(RequestSpecification who) {
        return who.queryParams(Map.of("kind", "GROUP", "limit", "100")).get("/metrics/rankings").then().statusCode(200)
                .extract().jsonPath().getList("entries.subject.key");
    }

    static void unknownTo(RequestSpecification who, String group) {
        for (String path : List.of("/metrics/figures", "/metrics/timeseries")) {
            who.queryParams(Map.of("kind", "GROUP", "key", group)).get(path).then().statusCode(404)
                    .contentType(startsWith("application/problem+json")).body("field", equalTo("key"))
                    .body("detail", equalTo("key: no group '" + group + "'"));
        }
    }

    @Test
    @Order(8)
    void aPrivateGroupIsSeenByItsOwnerAndAdminsOnly() {
        create(alice(), body("alices-secret", "COUNTRY", "[\"CN\",\"US\"]", null)).statusCode(201);
        // Bob, a reader and a service (alerts-service's identity): as if it did not exist, everywhere.
        for (RequestSpecification other : List.of(bob(), as("reader", "read"), as("service:alerts", "read"))) {
            unknownTo(other, "alices-secret");
        }
        for (String breakdown : List.of("false", "true")) {
            problem(bob().contentType(ContentType.JSON).body("{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\"},"
                    + "{\"kind\":\"GROUP\",\"key\":\"alices-secret\",\"breakdown\":" + breakdown + "}]}")
                    .post("/metrics/figures/batch").then(), 404, "queries[1].key");
        }
        problem(bob().get("/groups/alices-secret").then(), 404, null);
        problem(update(bob(), "alices-secret", body(null, "COUNTRY", "[\"DE\"]", null)), 404, null);
        problem(bob().delete("/groups/alices-secret").then(), 404, null);
        JsonPath bobs = bob().queryParam("size", "200").get("/groups").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("east-asia", "holders"), bobs.getList("items.name"), "shared + own");
        assertEquals(2, bobs.getLong("total"));

        // Rankings: alice's first (a cached ranking must not reach bob), then bob's, a reader's, an admin's.
        List<String> alices = rankedGroups(alice());
        assertTrue(alices.containsAll(List.of("alices-secret", "us-jp-kr", "cn", "de-tw", "east-asia", "academies")), alices.toString());
        assertTrue(!alices.contains("holders"), alices.toString());
        assertEquals(List.of("east-asia", "holders"), rankedGroups(bob()).stream().sorted().toList());
        assertEquals(List.of("east-asia"), rankedGroups(as("service:alerts", "read")));
        assertTrue(rankedGroups(admin()).containsAll(List.of("alices-secret", "holders", "us-jp-kr")));

        // The owner and admins read it; a shared group is everyone's.
        long filings = alice().queryParams(Map.of("kind", "GROUP", "key", "alices-secret")).get("/metrics/figures").then()
                .statusCode(200).extract().jsonPath().getLong("filings");
        admin().queryParams(Map.of("kind", "GROUP", "key", "alices-secret")).get("/metrics/figures").then().statusCode(200)
                .body("filings", equalTo((int) filings));
        alice().queryParams(Map.of("kind", "GROUP", "key", "alices-secret")).get("/metrics/timeseries").then().statusCode(200);
        alice().contentType(ContentType.JSON).body("{\"queries\":[{\"kind\":\"GROUP\",\"key\":\"alices-secret\",\"breakdown\":true}]}")
                .post("/metrics/figures/batch").then().statusCode(200).body("results[0].filings", equalTo((int) filings));
        for (RequestSpecification anyone : List.of(bob(), as("service:alerts", "read"))) {
            anyone.queryParams(Map.of("kind", "GROUP", "key", "east-asia")).get("/metrics/figures").then().statusCode(200);
            anyone.get("/groups/east-asia").then().statusCode(200);
        }
    }

    @Test
    @Order(9)
    void aRebuildKeepsGroupsAndTheirSums() {
        admin().post("/admin/rebuild").then().statusCode(200);
        assertSums("us-jp-kr", "COUNTRY", List.of("US", "JP", "KR"), x -> List.of("US", "JP", "KR").contains(x.country()));
    }
}
