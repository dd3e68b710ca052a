package io.nanopulse.alerts.api;

import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.nanopulse.testkit.trust.GatewayProof;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.nanopulse.alerts.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON bodies: a repeated field, a wrong type, deep nesting and a missing or non-UTF-8 media type are refused, named. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class StrictBodiesTest {
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/subscribers")
    URI subscribers;

    private static String owner() {
        return "strict-" + UUID.randomUUID();
    }

    @Test
    void aRepeatedFieldIsRefusedNamingIt() {
        as(owner()).body("{\"name\":\"ops\",\"name\":\"other\"}").post("/subscribers")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("field", equalTo("name"))
                .body("detail", containsString("more than once"));
    }

    @Test
    void wrongTypesAndDeepNestingAreSaidInPlainWords() {
        as(owner()).body("{\"name\":[\"ops\"]}").post("/subscribers")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("field", equalTo("name"))
                .body("detail", equalTo("name: must be a string"));
        as(owner()).body("{\"name\":\"ops\",\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}").post("/subscribers")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("nesting deeper than 1000 levels"))
                .body("detail", not(containsString("StreamReadConstraints")));
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIs415() throws Exception {
        for (String contentType : new String[] {null, "application/json; charset=utf-16"}) {
            var request = HttpRequest.newBuilder(subscribers).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ops\"}"));
            GatewayProof.as(owner(), "alerts").headers("POST", subscribers).forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), contentType + ": " + response.body());
            assertTrue(response.body().contains("\"field\":\"Content-Type\""), response.body());
        }
    }
}
