package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeliveryDecisionTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(5), 3, Duration.ofHours(12), 15, 0.2);
    private static final Duration DISABLE_AFTER = Duration.ofDays(5);
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private static DeliveryDecision decide(Integer status, Duration retryAfter, int attempts, Instant failingSince) {
        var r = new AttemptResult(NOW, status, 12, null, retryAfter);
        return DeliveryDecision.decide(r, attempts, failingSince, NOW, SCHEDULE, DISABLE_AFTER, MAX_RETRY_AFTER, () -> 0.5);
    }

    @Test
    void successAndGone() {
        assertEquals(DeliveryOutcome.DELIVERED, decide(200, null, 1, null).outcome());
        assertEquals(DeliveryOutcome.DELIVERED, decide(204, null, 3, NOW.minusSeconds(60)).outcome());
        assertEquals(DeliveryOutcome.GONE, decide(410, null, 1, NOW).outcome());
    }

    @Test
    void failuresRetryOnTheSchedule() {
        var d = decide(500, null, 1, NOW);
        assertEquals(DeliveryOutcome.RETRY, d.outcome());
        assertEquals(NOW.plusSeconds(5), d.nextAttemptAt());
        assertEquals(NOW.plusSeconds(45), decide(null, null, 3, NOW).nextAttemptAt());
        // Redirects are failures too (never followed).
        assertEquals(DeliveryOutcome.RETRY, decide(302, null, 1, NOW).outcome());
    }

    @Test
    void retryAfterOn429And503OnlyAndCapped() {
        assertEquals(NOW.plusSeconds(120), decide(429, Duration.ofSeconds(120), 1, NOW).nextAttemptAt());
        assertEquals(NOW.plusSeconds(120), decide(503, Duration.ofSeconds(120), 1, NOW).nextAttemptAt());
        assertEquals(NOW.plusSeconds(5), decide(500, Duration.ofSeconds(120), 1, NOW).nextAttemptAt());
        // Shorter than the backoff: the backoff wins.
        assertEquals(NOW.plusSeconds(45), decide(503, Duration.ofSeconds(1), 3, NOW).nextAttemptAt());
        assertEquals(NOW.plus(MAX_RETRY_AFTER), decide(429, Duration.ofDays(30), 1, NOW).nextAttemptAt());
    }

    @Test
    void exhaustedAfterTheLastAttempt() {
        var d = decide(500, null, 15, NOW.minus(Duration.ofDays(3)));
        assertEquals(DeliveryOutcome.EXHAUSTED, d.outcome());
        assertNull(d.nextAttemptAt());
    }

    @Test
    void endpointFailingForTooLongIsDisabled() {
        assertEquals(DeliveryOutcome.RETRY, decide(500, null, 1, NOW.minus(Duration.ofDays(4))).outcome());
        assertEquals(DeliveryOutcome.ENDPOINT_DISABLED, decide(500, null, 1, NOW.minus(DISABLE_AFTER)).outcome());
    }
}
