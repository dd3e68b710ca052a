package io.nanopulse.ingest.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.ingest.Events;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.nanopulse.ingest.Events.NDJSON_UTF8;
import static io.nanopulse.ingest.Events.CSV_UTF8;
import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** POST /events and /imports against the real broker: each bad input gets its own field and reason. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EventsValidationTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEMS = "https://nanopulse.io/problems/";

    /** A valid filing, with one field changed per case. */
    static Stream<Arguments> badEvents() {
        String tomorrowPlus1 = LocalDate.now().plusDays(2).toString();
        return Stream.of(
                bad("unknown type", n -> n.put("type", "PATENT_EXPLODED"), "type", "unknown type"),
                bad("missing type", n -> n.remove("type"), "type", "is required"),
                bad("country not ISO", n -> n.put("country", "XX"), "country", "ISO 3166-1 alpha-2"),
                bad("country alpha-3", n -> n.put("country", "CHN"), "country", "ISO 3166-1 alpha-2"),
                bad("unparseable date", n -> n.put("filingDate", "2021-13-01"), "filingDate", "ISO-8601"),
                bad("date after tomorrow", n -> n.put("filingDate", tomorrowPlus1), "filingDate",
                        "later than tomorrow"),
                bad("date before 1900", n -> n.put("filingDate", "1899-12-31"), "filingDate", "before 1900"),
                bad("sector not in enum", n -> n.put("sector", "NANOBOTS"), "sector", "unknown sector"),
                bad("patentId without office", n -> n.put("patentId", "1234567"), "patentId", "office code"),
                bad("patentId unknown office", n -> n.put("patentId", "ZZ1234567"), "patentId",
                        "unknown patent office"),
                bad("text over 512", n -> n.put("institution", "x".repeat(513)), "institution", "at most 512"),
                bad("100 KB string", n -> n.put("institution", "y".repeat(100_000)), "institution", "at most 512"),
                bad("control character", n -> n.put("institution", "Tsing\u0007hua"), "institution",
                        "control characters"),
                bad("blank text", n -> n.put("institution", "   \t "), "institution", "blank"),
                bad("empty eventId", n -> n.put("eventId", ""), "eventId", "blank"),
                bad("eventId over 128", n -> n.put("eventId", "e".repeat(129)), "eventId", "at most 128"),
                bad("number for text", n -> n.put("city", 42), "city", "must be a string"),
                bad("missing required", n -> n.remove("institution"), "institution", "is required"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String field, String reason) {
        return Arguments.of(name, change, field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void eachBadFieldIsNamedWithItsReason(String name, Consumer<ObjectNode> change, String field, String reason)
            throws Exception {
        ObjectNode event = (ObjectNode) Json.mapper().readTree(Events.filed(id(), "CN115123456A"));
        change.accept(event);
        given().contentType(ContentType.JSON).body("[" + event + "]")
                .when().post("/events")
                .then().statusCode(202)
                .body("accepted", equalTo(0))
                .body("rejected", equalTo(1))
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(0))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].reason", containsString(reason));
    }

    @Test
    void mixedBatchAcceptsTheValidListsTheInvalidAndDropsRepeats() {
        String first = id();
        String body = Events.array(Events.filed(first, "CN115000001A"),
                "{\"type\":\"PATENT_FILED\",\"eventId\":\"bad-1\",\"patentId\":\"CN115000002A\",\"country\":\"ZZ\","
                        + "\"institution\":\"X\",\"sector\":\"ENERGY\",\"filingDate\":\"2020-01-01\"}",
                Events.granted(id(), "US7650331B1"),
                Events.filed(first, "CN115000001A"),
                "42");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/events")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("errorsTruncated", equalTo(false))
                .body("errors", hasSize(2))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].eventId", equalTo("bad-1"))
                .body("errors[0].field", equalTo("country"))
                .body("errors[1].index", equalTo(4))
                .body("errors[1].field", equalTo("$"))
                .body("errors[1].reason", containsString("JSON object"));
    }

    @Test
    void singleObjectIsAccepted() {
        given().contentType(ContentType.JSON).body(Events.filed(id(), "CN115000003A"))
                .when().post("/events")
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(0));
    }

    @Test
    void hostileTextIsNeverEchoedAsMarkup() {
        String body = "[{\"type\":\"<script>alert(1)</script>\",\"eventId\":\"<img src=x onerror=alert(1)>\","
                + "\"patentId\":\"CN115000004A\"}]";
        String response = given().contentType(ContentType.JSON).body(body)
                .when().post("/events")
                .then().statusCode(202)
                .body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].eventId", equalTo("<img src=x onerror=alert(1)>"))
                .extract().asString();
        assertFalse(response.contains("<") || response.contains(">"), response);
        assertTrue(response.contains("\\u003Cscript"), response);
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("[{\"type\":\"PATENT_FILED\",")
                .when().post("/events")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body("field", equalTo("$"));
    }

    @Test
    void emptyAndScalarBodiesAreProblems() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/events")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(PROBLEMS + "empty-body"));
        given().contentType(ContentType.JSON).body("\"an event\"")
                .when().post("/events")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("not a string"));
        given().contentType(ContentType.JSON).body("{} []")
                .when().post("/events")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("after the JSON value"));
    }

    @Test
    void moreThanTenThousandEventsIsAProblemAndNothingIsPublished() {
        String valid = Events.filed(id(), "CN115000005A");
        StringBuilder body = new StringBuilder("[").append(valid);
        for (int i = 0; i < 10_000; i++) {
            body.append(",{}");
        }
        body.append(']');
        given().contentType(ContentType.JSON).body(body.toString())
                .when().post("/events")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "too-many-events"))
                .body("field", equalTo("$[10000]"))
                .body("accepted", nullValue());
    }

    @Test
    void bodyOverTheJsonLimitIsAProblem() {
        String body = "[" + " ".repeat(16 * 1024 * 1024 + 10) + "]";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/events")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "body-too-large"))
                .body("detail", containsString("x-ndjson"));
    }

    @Test
    void wrongMediaTypeIsAProblem() {
        given().contentType("text/plain").body("hello")
                .when().post("/events")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"))
                .body("field", equalTo("Content-Type"))
                .body("detail", containsString("application/x-ndjson"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().when().get("/nothing-here")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404))
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().when().get("/events")
                .then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405))
                .body("type", equalTo(PROBLEMS + "method-not-allowed"));
    }

    @Test
    void ndjsonRejectsBadLinesAndKeepsGoing() {
        String a = id();
        String body = Events.filed(a, "CN115000006A") + "\n"
                + "not json at all\n"
                + "\n"
                + "{\"type\":\"PATENT_GRANTED\",\"eventId\":\"g-bad\",\"patentId\":\"CN115000006A\",\"grantDate\":\"soon\"}\r\n"
                + "{\"x\":\"" + "z".repeat(1024 * 1024 + 1) + "\"}\n"
                + Events.granted(id(), "CN115000006A") + "\n"
                + Events.filed(a, "CN115000006A");
        given().contentType(NDJSON_UTF8).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/events")
                .then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(3))
                .body("duplicates", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].reason", containsString("not valid JSON"))
                .body("errors[1].line", equalTo(4))
                .body("errors[1].field", equalTo("grantDate"))
                .body("errors[2].line", equalTo(5))
                .body("errors[2].reason", containsString("line longer than"))
                .body("errors[0].index", nullValue());
    }

    @Test
    void csvImportValidatesEachRowAndNamesItsLine() {
        String csv = "patentId,country,institution,sector,filingDate,city\n"
                + "US-7650331-B1,us,\"Rice University, Houston\",materials,2010-01-20,Houston\n"
                + "\n"
                + "CN115000007A,CN,\"Multi\nline \"\"quoted\"\" name\",ENERGY,2021-05-05,\n"
                + "CN115000008A,XX,Somewhere,ENERGY,2021-05-05,Town\n"
                + "CN115000009A,CN,Short row\n"
                + "US7650331B1,US,Rice University,MATERIALS,2010-01-20,Houston\n";
        given().contentType(CSV_UTF8).body(csv)
                .when().post("/imports")
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(3))
                .body("duplicates", equalTo(1))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].field", equalTo("institution"))
                .body("errors[0].reason", containsString("line breaks"))
                .body("errors[1].line", equalTo(6))
                .body("errors[1].eventId", equalTo("csv:CN115000008A"))
                .body("errors[1].field", equalTo("country"))
                .body("errors[2].line", equalTo(7))
                .body("errors[2].reason", containsString("expected 6 columns"));
    }

    @Test
    void csvWithoutTheHeaderIsAProblem() {
        given().contentType(CSV_UTF8).body("patentId,country,institute\nCN115000010A,CN,X\n")
                .when().post("/imports")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "bad-csv-header"))
                .body("title", equalTo("Unexpected CSV header"))
                .body("line", equalTo(1))
                .body("field", equalTo("header"))
                .body("detail", containsString("missing institution,sector,filingDate,city"))
                .body("detail", containsString("unexpected or repeated institute"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void problemBodiesAreHtmlSafeToo() {
        String response = given().contentType(CSV_UTF8).body("<script>x</script>,country\n")
                .when().post("/imports")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("unexpected or repeated <script>x</script>"))
                .extract().asString();
        assertFalse(response.contains("<") || response.contains(">"), response);
    }

    private static String id() {
        return "val-" + UUID.randomUUID();
    }
}
