package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own JSON bodies (API keys) and the JSON bodies it forwards: a wrong type, deep nesting, a
 * repeated field, invalid UTF-8 and a missing or non-UTF-8 media type each get a problem naming what is wrong.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class StrictBodiesTest {
    static final String ADMIN = TestKeys.bearer(TestKeys.BOOTSTRAP_ADMIN);
    static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/api/v1/admin/keys")
    URI keys;

    private static ValidatableResponse createKey(byte[] body) {
        return RestAssured.given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .post("/api/v1/admin/keys").then();
    }

    private static ValidatableResponse createKey(String body) {
        return createKey(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStringWhereAListBelongsNamesTheField() {
        createKey("{\"principal\":\"strict-a\",\"roles\":\"admin\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("roles"))
                .body("detail", equalTo("roles: must be an array"));
    }

    @Test
    void deepNestingIsSaidInPlainWords() {
        createKey("{\"principal\":\"strict-b\",\"roles\":[\"read\"],\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("nesting deeper than 1000 levels"))
                .body("detail", not(containsString("StreamReadConstraints")));
    }

    @Test
    void aRepeatedFieldIsRefused() {
        createKey("{\"principal\":\"strict-c\",\"roles\":[\"read\"],\"roles\":[\"admin\"]}")
                .statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("roles"))
                .body("detail", containsString("more than once"));
    }

    @Test
    void invalidUtf8IsRefusedBeforeItIsReadOrForwarded() {
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"principal\":\"strict-d".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xBC});
        body.writeBytes("\",\"roles\":[\"read\"]}".getBytes(StandardCharsets.UTF_8));
        createKey(body.toByteArray())
                .statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("body"))
                .body("detail", containsString("not valid UTF-8"));
        RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles("alerts")))
                .contentType("application/json").body(body.toByteArray())
                .post("/api/v1/subscribers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid UTF-8"));
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIs415() throws Exception {
        byte[] body = "{\"principal\":\"strict-e\",\"roles\":[\"read\"]}".getBytes(StandardCharsets.UTF_8);
        for (String contentType : new String[] {null, "application/json; charset=utf-16", "application/json;charset=latin1"}) {
            var request = HttpRequest.newBuilder(keys).header("Authorization", ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), contentType + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), response.headers().toString());
            assertTrue(response.body().contains("\"field\":\"Content-Type\""), response.body());
        }
        RestAssured.given().header("Authorization", ADMIN).contentType("application/json; charset=UTF-8").body(body)
                .post("/api/v1/admin/keys").then().statusCode(201);
    }
}
