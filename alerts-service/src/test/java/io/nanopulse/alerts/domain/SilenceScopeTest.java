package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilenceScopeTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2025-01-02T00:00:00Z");
    private final UUID rule = UUID.randomUUID();
    private final UUID subscriber = UUID.randomUUID();

    @Test
    void mutesOnlyWithinItsTimeRange() {
        var s = new SilenceScope(rule, null, Map.of(), START, END);
        assertTrue(s.mutes(rule, subscriber, Map.of(), START));
        assertFalse(s.mutes(rule, subscriber, Map.of(), END));
        assertFalse(s.mutes(rule, subscriber, Map.of(), START.minusSeconds(1)));
        assertFalse(s.mutes(UUID.randomUUID(), subscriber, Map.of(), START));
    }

    @Test
    void labelMatchersMustAllMatch() {
        var s = new SilenceScope(null, null, Map.of("team", "ip", "env", "prod"), START, END);
        assertTrue(s.mutes(rule, subscriber, Map.of("team", "ip", "env", "prod", "x", "y"), START));
        assertFalse(s.mutes(rule, subscriber, Map.of("team", "ip"), START));
    }

    @Test
    void subscriberScopeAndEmptyScope() {
        assertTrue(new SilenceScope(null, subscriber, null, START, END).mutes(rule, subscriber, Map.of(), START));
        assertFalse(new SilenceScope(null, subscriber, null, START, END).mutes(rule, UUID.randomUUID(), Map.of(), START));
        assertFalse(new SilenceScope(null, null, Map.of(), START, END).mutes(rule, subscriber, Map.of(), START));
    }
}
