package io.nanopulse.gateway.api.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.nanopulse.gateway.domain.KeyMaterial;
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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests without a valid key are limited per client address (429 problem+json with Retry-After), an
 * address past its budget costs the key store no lookups, a repeated unknown key is looked up once, and
 * valid keys are not affected. Each test comes from its own address (X-Forwarded-For, trusted here from
 * 127.0.0.1 only), so no test spends another's tokens.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestProfile(AnonymousLimitTest.SmallAnonymousBuckets.class)
class AnonymousLimitTest {
    static final int RATE = 1;
    static final int BURST = 5;
    static final String FIGURES = "/api/v1/figures?kind=GLOBAL";

    public static class SmallAnonymousBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nanopulse.gateway.rate-limit.anonymous.requests-per-second", String.valueOf(RATE),
                    "nanopulse.gateway.rate-limit.anonymous.burst", String.valueOf(BURST),
                    // Long enough that a key cached before a flood is still cached after it.
                    "nanopulse.gateway.auth.cache-ttl", "60s",
                    "nanopulse.gateway.auth.negative-cache-ttl", "60s",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    MeterRegistry registry;

    static RequestSpecification from(String address) {
        return RestAssured.given().header("X-Forwarded-For", address);
    }

    double lookups() {
        return registry.get("nanopulse.gateway.key.lookups").counter().count();
    }

    @Test
    void anAnonymousFloodGets429WithRetryAfter() {
        List<Integer> seen = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 10 * BURST && limited == null; i++) {
            Response r = from("198.51.100.1").get(FIGURES);
            seen.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertTrue(limited != null, "no 429 among " + seen);
        assertTrue(seen.subList(0, BURST).stream().allMatch(s -> s == 401), "the burst is answered 401: " + seen);
        assertTrue(limited.contentType().startsWith("application/problem+json"));
        assertEquals(429, limited.jsonPath().getInt("status"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(401, from("198.51.100.2").get(FIGURES).statusCode(), "budgets are per address");
    }

    @Test
    void manyUnknownKeysCostBoundedLookups() {
        double before = lookups();
        long start = System.nanoTime();
        int limited = 0;
        int requests = 60;
        for (int i = 0; i < requests; i++) {
            Response r = from("198.51.100.3").header("Authorization", TestKeys.bearer(KeyMaterial.generate())).get(FIGURES);
            assertTrue(r.statusCode() == 401 || r.statusCode() == 429, "answered " + r.statusCode());
            if (r.statusCode() == 429) {
                limited++;
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;
        double read = lookups() - before;
        assertTrue(read <= BURST + RATE * seconds, read + " key store reads for " + requests + " unknown keys in ~" + seconds + " s");
        assertTrue(limited > 0, "the flood was never refused");
    }

    @Test
    void aRepeatedUnknownKeyIsLookedUpOnce() {
        String unknown = KeyMaterial.generate();
        double before = lookups();
        for (int i = 0; i < BURST - 1; i++) {
            assertEquals(401, from("198.51.100.4").header("Authorization", TestKeys.bearer(unknown)).get(FIGURES).statusCode());
        }
        assertEquals(1.0, lookups() - before);
    }

    @Test
    void validKeysAreNotAffected() {
        String key = TestKeys.withRoles("read");
        String fresh = TestKeys.withRoles("read");
        assertEquals(200, from("198.51.100.5").header("Authorization", TestKeys.bearer(key)).get(FIGURES).statusCode());
        int status = 0;
        for (int i = 0; i < 10 * BURST && status != 429; i++) {
            status = from("198.51.100.5").header("Authorization", TestKeys.bearer(KeyMaterial.generate())).get(FIGURES).statusCode();
        }
        assertEquals(429, status, "the address is past its budget");
        for (int i = 0; i < 3 * BURST; i++) {
            assertEquals(200, from("198.51.100.5").header("Authorization", TestKeys.bearer(key)).get(FIGURES).statusCode(),
                    "a valid key from the same address");
        }
        assertEquals(200, from("198.51.100.6").header("Authorization", TestKeys.bearer(fresh)).get(FIGURES).statusCode(),
                "a valid key from another address");
    }
}
