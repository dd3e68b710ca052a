package io.nanopulse.gateway.application;

import io.nanopulse.gateway.support.FakeService;
import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared reads: one downstream call per query and TTL, whoever asks; errors are never reused. */
@QuarkusTest
@TestProfile(ReadCacheTest.CacheOn.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ReadCacheTest {
    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nanopulse.gateway.read-cache.ttl", "1s");
        }
    }

    private static long calls(String uri) {
        return FakeServices.metrics.received.stream().filter(r -> r.uri().equals(uri)).count();
    }

    private static void get(String key, String path, int status) {
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get(path).then().statusCode(status);
    }

    @Test
    void oneCallPerQueryAndTtlWhoeverAsks() {
        String a = TestKeys.withRoles("read");
        String b = TestKeys.withRoles("read");
        String uri = "/metrics/rankings?kind=COUNTRY&window=cache-test&limit=3";
        get(a, "/api/v1/rankings?kind=COUNTRY&limit=3&window=cache-test", 200);
        get(a, "/api/v1/rankings?kind=COUNTRY&limit=3&window=cache-test", 200);
        get(b, "/api/v1/rankings?kind=COUNTRY&limit=3&window=cache-test", 200);
        assertEquals(1, calls(uri), "three answers, one downstream call");

        get(a, "/api/v1/rankings?kind=COUNTRY&limit=4&window=cache-test", 200);
        assertEquals(1, calls("/metrics/rankings?kind=COUNTRY&window=cache-test&limit=4"), "another query is its own entry");

        // Past the TTL a request is still answered at once, and the answer is refreshed in the background.
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(1100)).untilAsserted(() -> {
            get(a, "/api/v1/rankings?kind=COUNTRY&limit=3&window=cache-test", 200);
            assertEquals(2, calls(uri), "refreshed once the TTL passed");
        });
    }

    /** metrics' /metrics/global stand-in: 400 for window=bad, else filings = the version. */
    private static java.util.concurrent.atomic.AtomicInteger globalStandIn() {
        var version = new java.util.concurrent.atomic.AtomicInteger();
        FakeServices.metrics.route("/metrics/global", x -> x.getRequestURI().getQuery().contains("window=bad")
                ? new FakeService.Answer(400, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"window: bad\"}")
                : FakeService.Answer.json("{\"filings\":" + version.get() + "}"));
        return version;
    }

    @Test
    void noAnswerOlderThanTwoTtlsIsServed() throws Exception {
        var version = globalStandIn();
        String key = TestKeys.withRoles("read");
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/global?window=ALL")
                .then().statusCode(200).body("filings", equalTo(0));
        version.set(1);
        Thread.sleep(2100); // idle for more than two TTLs: the old answer is gone, not served while refreshing
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/global?window=ALL")
                .then().statusCode(200).body("filings", equalTo(1));
    }

    @Test
    void errorsAreNotReused() {
        globalStandIn();
        String key = TestKeys.withRoles("read");
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/global?window=bad")
                .then().statusCode(400).body("detail", equalTo("window: bad"));
        get(key, "/api/v1/global?window=bad", 400);
        assertEquals(2, calls("/metrics/global?window=bad"));
    }
}
