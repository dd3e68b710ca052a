package io.nanopulse.ingest.api;

import io.nanopulse.ingest.Events;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.nanopulse.ingest.Events.NDJSON_UTF8;
import static io.nanopulse.ingest.Events.CSV_UTF8;
import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the intake refuses before validation: invalid UTF-8, repeated fields, bodies without a UTF-8 media type. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class StrictInputTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEMS = "https://nanopulse.io/problems/";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final byte[] OVERLONG_LT = {(byte) 0xC0, (byte) 0xBC};

    @TestHTTPResource("/events")
    URI events;

    private static byte[] bytes(String before, byte[] middle, String after) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A filing whose institution holds the given bytes. */
    private static byte[] filingWith(String id, byte[] inInstitution) {
        String event = Events.filed(id, "CN115000101A");
        int at = event.indexOf("\"institution\":\"") + "\"institution\":\"".length();
        return bytes(event.substring(0, at), inInstitution, event.substring(at));
    }

    @Test
    void anOverlongFormRefusesTheJsonBodyNamingItemAndField() {
        byte[] body = bytes("[" + Events.filed(id(), "CN115000100A") + ",", filingWith(id(), OVERLONG_LT), "]");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/events")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("field", equalTo("$[1].institution"))
                .body("detail", containsString("not valid UTF-8"))
                .body("accepted", nullValue());
    }

    @Test
    void invalidUtf8RejectsItsNdjsonLineAndCsvRowOnly() {
        byte[] ndjson = bytes(Events.filed(id(), "CN115000102A") + "\n", filingWith(id(), new byte[] {(byte) 0xED,
                (byte) 0xA0, (byte) 0x80}), "\n" + Events.filed(id(), "CN115000103A") + "\n");
        given().contentType(NDJSON_UTF8).body(ndjson)
                .when().post("/events")
                .then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].reason", containsString("not valid UTF-8"));

        byte[] csv = bytes("patentId,country,institution,sector,filingDate,city\n"
                + "CN115000104A,CN,Tsinghua,ENERGY,2021-05-05,\nCN115000105A,CN,Tsing", new byte[] {(byte) 0xFF},
                "hua,ENERGY,2021-05-05,\n");
        given().contentType(CSV_UTF8).body(csv)
                .when().post("/imports")
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].reason", containsString("not valid UTF-8"));
    }

    @Test
    void aRepeatedFieldIsRefused() {
        String event = Events.filed(id(), "CN115000106A");
        String twice = event.replace("\"country\":\"CN\"", "\"country\":\"XX\"").replace("}", ",\"country\":\"AQ\"}");
        given().contentType(ContentType.JSON).body("[" + twice + "]")
                .when().post("/events")
                .then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("$[0].country"))
                .body("detail", containsString("more than once"));
        given().contentType(NDJSON_UTF8).body((twice + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/events")
                .then().statusCode(202)
                .body("accepted", equalTo(0))
                .body("errors[0].field", equalTo("country"))
                .body("errors[0].reason", containsString("more than once"));
    }

    @Test
    void aLoneSurrogateAndControlCharactersAreRefusedInEveryField() {
        String loneSurrogate = Events.filed(id(), "CN115000107A").replace("\"institution\":\"", "\"institution\":\"\\ud800");
        String nulInId = Events.filed("nul\\u0000" + id(), "CN115000108A");
        given().contentType(ContentType.JSON).body("[" + loneSurrogate + "," + nulInId + "]")
                .when().post("/events")
                .then().statusCode(202)
                .body("accepted", equalTo(0))
                .body("errors[0].field", equalTo("institution"))
                .body("errors[0].reason", containsString("unpaired surrogate"))
                .body("errors[1].field", equalTo("eventId"))
                .body("errors[1].reason", containsString("control characters"));
    }

    @Test
    void deepNestingIsSaidInPlainWords() {
        given().contentType(ContentType.JSON).body("[" + "[".repeat(1200) + "]".repeat(1200) + "]")
                .when().post("/events")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("nesting deeper than 1000 levels"))
                .body("detail", not(containsString("StreamReadConstraints")));
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIs415() throws Exception {
        byte[] body = ("[" + Events.filed(id(), "CN115000109A") + "]").getBytes(StandardCharsets.UTF_8);
        assertUnsupported(send(null, body), "needs a Content-Type");
        assertUnsupported(send("application/json; charset=utf-16", body), "utf-16");
        assertUnsupported(send("application/x-ndjson;charset=ISO-8859-1", body), "ISO-8859-1");
        HttpResponse<String> utf8 = send("application/json; charset=UTF-8", body);
        assertEquals(202, utf8.statusCode(), utf8.body());
        given().contentType("text/csv; charset=windows-1252").body("patentId\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/imports")
                .then().statusCode(415).contentType(PROBLEM).body("field", equalTo("Content-Type"));
    }

    private static void assertUnsupported(HttpResponse<String> response, String detail) {
        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), response.headers().toString());
        assertTrue(response.body().contains("unsupported-media-type") && response.body().contains(detail), response.body());
        assertTrue(response.body().contains("\"field\":\"Content-Type\""), response.body());
    }

    private HttpResponse<String> send(String contentType, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(events).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        GatewayProof.as(GatewayProof.TESTER).headers("POST", events).forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id() {
        return "strict-" + UUID.randomUUID();
    }
}
