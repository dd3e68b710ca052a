package io.nanopulse.gateway.api.auth;

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
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key that used up its bucket gets 429 problem+json with Retry-After; another key is not affected. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestProfile(RateLimitTest.SmallBuckets.class)
class RateLimitTest {
    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nanopulse.gateway.rate-limit.roles.read.requests-per-second", "1",
                    "nanopulse.gateway.rate-limit.roles.read.burst", "3");
        }
    }

    @Test
    void theFourthRequestOfABurstOfThreeIs429() {
        String key = TestKeys.withRoles("read");
        String other = TestKeys.withRoles("read");
        int ok = 0;
        Response limited = null;
        for (int i = 0; i < 4; i++) {
            Response r = RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/figures?kind=GLOBAL");
            if (r.statusCode() == 200) {
                ok++;
            } else {
                limited = r;
            }
        }
        assertTrue(ok >= 3, "the burst is allowed");
        assertEquals(429, limited == null ? 200 : limited.statusCode());
        assertTrue(limited.contentType().startsWith("application/problem+json"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(429, limited.jsonPath().getInt("status"));
        assertEquals(200, RestAssured.given().header("Authorization", TestKeys.bearer(other))
                .get("/api/v1/figures?kind=GLOBAL").statusCode(), "buckets are per key");
    }
}
