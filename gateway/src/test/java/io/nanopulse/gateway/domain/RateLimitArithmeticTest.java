package io.nanopulse.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rate-limit arithmetic, without buckets or clocks. */
class RateLimitArithmeticTest {
    static final RateLimit DEFAULT = new RateLimit(50, 100);
    static final Map<String, RateLimit> BY_ROLE = Map.of("read", new RateLimit(2000, 4000), "admin", new RateLimit(20, 40));

    @Test
    void aKeyGetsTheMostGenerousLimitOfItsRolesElseTheDefault() {
        assertEquals(new RateLimit(2000, 4000), RateLimit.forRoles(Set.of("admin", "read"), BY_ROLE, DEFAULT));
        assertEquals(new RateLimit(20, 40), RateLimit.forRoles(Set.of("admin"), BY_ROLE, DEFAULT));
        assertEquals(DEFAULT, RateLimit.forRoles(Set.of("ingest"), BY_ROLE, DEFAULT));
        assertEquals(DEFAULT, RateLimit.forRoles(Set.of(), BY_ROLE, DEFAULT));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, RateLimit.retryAfterSeconds(0));
        assertEquals(1, RateLimit.retryAfterSeconds(1));
        assertEquals(1, RateLimit.retryAfterSeconds(1_000_000_000L));
        assertEquals(2, RateLimit.retryAfterSeconds(1_000_000_001L));
    }
}
