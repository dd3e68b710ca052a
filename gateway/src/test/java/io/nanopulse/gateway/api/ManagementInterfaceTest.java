package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics are served on the management port only; the public port answers them 404 and keeps the
 * OpenAPI document and the Swagger UI, whose server is the configured public URL.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.PublicUrl.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ManagementInterfaceTest {
    static final String PUBLIC_URL = "https://api.nanopulse.test";

    public static class PublicUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nanopulse.public-url", PUBLIC_URL);
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started")) {
            Response r = RestAssured.given().accept("*/*").get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.contentType().startsWith("application/problem+json"), path + ": " + r.contentType());
            assertEquals(404, r.jsonPath().getInt("status"), path);
        }
    }

    @Test
    void theManagementPortServesHealthAndPrometheusMetrics() {
        assertNotEquals(RestAssured.port, management.getPort(), "a port of its own");
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started")) {
            RestAssured.given().baseUri(base()).get(path).then().statusCode(200);
        }
        String text = RestAssured.given().baseUri(base()).accept("text/plain").get("/q/metrics")
                .then().statusCode(200).extract().asString();
        assertTrue(text.contains("# TYPE ") && text.contains("jvm_memory_used_bytes"), "a Prometheus exposition");
    }

    @Test
    void theOpenApiDocumentStaysOnThePublicPortWithThePublicUrlAsItsServer() {
        var doc = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(PUBLIC_URL), doc.getList("servers.url"));
        RestAssured.given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200);
        RestAssured.given().baseUri(base()).get("/q/openapi").then().statusCode(404);
    }

    private String base() {
        return "http://" + management.getHost() + ":" + management.getPort();
    }
}
