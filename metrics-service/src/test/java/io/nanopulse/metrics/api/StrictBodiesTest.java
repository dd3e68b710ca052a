package io.nanopulse.metrics.api;

import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON bodies: a repeated field, deep nesting and a missing or non-UTF-8 media type are refused, named. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true, initArgs = @ResourceArg(name = "database", value = "metrics"))
class StrictBodiesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String BATCH = "{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\"}]}";

    @TestHTTPResource("/metrics/figures/batch")
    URI batch;

    @Test
    void aRepeatedFieldIsRefusedNamingIt() {
        given().contentType("application/json")
                .body("{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"XX\",\"key\":\"CN\"}]}")
                .post("/metrics/figures/batch")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("field", equalTo("queries[0].key"))
                .body("detail", containsString("more than once"));
    }

    @Test
    void deepNestingIsSaidInPlainWords() {
        given().contentType("application/json").body("{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\"}],\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}")
                .post("/metrics/figures/batch")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("nesting deeper than 1000 levels"))
                .body("detail", not(containsString("StreamReadConstraints")));
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIs415() throws Exception {
        for (String contentType : new String[] {null, "application/json; charset=utf-16"}) {
            var request = HttpRequest.newBuilder(batch).POST(HttpRequest.BodyPublishers.ofString(BATCH));
            GatewayProof.as(GatewayProof.TESTER).headers("POST", batch).forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), contentType + ": " + response.body());
            assertTrue(response.body().contains("\"field\":\"Content-Type\""), response.body());
        }
        given().contentType("application/json; charset=UTF-8").body(BATCH).post("/metrics/figures/batch")
                .then().statusCode(200);
    }
}
