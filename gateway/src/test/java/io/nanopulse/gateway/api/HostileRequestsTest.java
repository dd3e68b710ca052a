package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile parameters, fields and sizes: each a 4xx problem+json naming what is wrong, never a 5xx or a bare answer. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class HostileRequestsTest {
    static final String ADMIN = TestKeys.bearer(TestKeys.BOOTSTRAP_ADMIN);

    private static void refused(ValidatableResponse r, String field) {
        r.statusCode(400).contentType(startsWith("application/problem+json")).body("field", equalTo(field));
    }

    @Test
    void keyPagingCannotOverflowAndIsParsedStrictly() {
        refused(RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys?page=2147483647&size=200").then(), "page");
        for (String bad : new String[]{"1.5", "abc", "2147483648", "0x10", "-1"}) {
            refused(RestAssured.given().header("Authorization", ADMIN).queryParam("page", bad).get("/api/v1/admin/keys").then(), "page");
            refused(RestAssured.given().header("Authorization", ADMIN).queryParam("size", bad).get("/api/v1/admin/keys").then(), "size");
        }
        refused(RestAssured.given().header("Authorization", ADMIN).queryParam("includeRevoked", "maybe").get("/api/v1/admin/keys").then(),
                "includeRevoked");
        RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys?page=1000000&size=200").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void nulInAKeyDescriptionIsRefused() {
        refused(RestAssured.given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"principal\":\"nul-test\",\"roles\":[\"read\"],\"description\":\"a\\u0000b\"}")
                .post("/api/v1/admin/keys").then(), "description");
    }

    @Test
    void numericParametersAreForwardedForTheServiceToJudgeNotAnswered404() {
        String reader = TestKeys.bearer(TestKeys.withRoles("read", "alerts"));
        for (String path : new String[]{"/api/v1/rankings?limit=1.5", "/api/v1/institutions?page=abc",
                "/api/v1/rules?size=0x10", "/api/v1/silences?active=maybe", "/api/v1/subscribers?page=2147483648"}) {
            int status = RestAssured.given().header("Authorization", reader).get(path).statusCode();
            assertNotEquals(404, status, path);
            assertTrue(status < 500, path + " answered " + status);
        }
    }

    @Test
    void anOverlongRequestLineIs414Problem() throws IOException {
        String answer = raw("GET /api/v1/figures?kind=COUNTRY&key=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(answer, 414);
    }

    @Test
    void overlargeHeadersAre431Problem() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("y".repeat(1000)).append("\r\n");
        }
        assertProblem(raw("GET /api/v1/figures?kind=GLOBAL HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n"), 431);
    }

    @Test
    void aDeclaredBodyPastTheLimitIs413Problem() throws IOException {
        assertProblem(raw("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: 999999999999999\r\n\r\n"), 413);
    }

    @Test
    void controlCharactersAndInvalidUtf8InAnyQueryParameterAreRefusedNamingIt() {
        String reader = TestKeys.bearer(TestKeys.withRoles("read", "ingest"));
        refused(RestAssured.given().urlEncodingEnabled(false).header("Authorization", ADMIN).get("/api/v1/status?%00=1").then(), "parameters");
        refused(RestAssured.given().urlEncodingEnabled(false).header("Authorization", ADMIN).get("/api/v1/status?zz=%00").then(), "zz");
        refused(RestAssured.given().urlEncodingEnabled(false).header("Authorization", reader)
                .get("/api/v1/global?asOf=2025-06-01&asOf=%00").then(), "asOf");
        refused(RestAssured.given().urlEncodingEnabled(false).header("Authorization", reader).contentType("application/x-ndjson")
                .body("{}\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/events?zz=1&zz=%00").then(), "zz");
        for (String bad : new String[]{"%C0%BC", "%ED%A0%80", "%FF", "%E2%82"}) {
            refused(RestAssured.given().urlEncodingEnabled(false).header("Authorization", reader)
                    .get("/api/v1/institutions/normalise?name=" + bad).then(), "name");
        }
    }

    @Test
    void aDeclaredParameterGivenTwiceIsRefused() {
        String reader = TestKeys.bearer(TestKeys.withRoles("read"));
        refused(RestAssured.given().header("Authorization", reader)
                .get("/api/v1/global?asOf=2025-06-01&asOf=2025-06-02").then(), "asOf");
    }

    /**
     * The one answer without a problem body: a request target that is not a URI (a lone %, %G1, a raw NUL or
     * space; the server checks it before any route) or a request the HTTP codec cannot read (NUL in a header).
     */
    @Test
    void aRequestTheServerCannotReadGetsItsBare400() throws IOException {
        for (String request : new String[]{"GET /api/v1/status?x=% HTTP/1.1\r\n", "DELETE /api/v1/rules/%G1 HTTP/1.1\r\n",
                "GET /api/v1/status\u0000x HTTP/1.1\r\n", "GET /api/v1/status?a=b c HTTP/1.1\r\n",
                "GET /api/v1/status HTTP/1.1\r\nX-Bad: a\u0000b\r\n"}) {
            String answer = raw(request + "Host: localhost\r\nConnection: close\r\n\r\n");
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
            assertTrue(head.startsWith("http/1.1 400 ") || head.startsWith("http/1.0 400 "), answer); // read to the close
            assertTrue(!head.contains("content-type"), answer);
            assertEquals("", answer.substring(answer.indexOf("\r\n\r\n") + 4), answer);
        }
    }

    private static void assertProblem(String answer, int status) {
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
        assertTrue(head.startsWith("http/1.1 " + status), answer);
        assertTrue(head.contains("content-type: application/problem+json"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains("\"status\":" + status), body);
        assertTrue(body.contains("\"type\":\"https://nanopulse.io/problems/"), body);
    }

    /** Sends bytes as they are and reads the answer until the server closes the connection. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(false, answer.isEmpty(), "no answer");
            return answer;
        }
    }
}
