package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedAttemptTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(5), 3, Duration.ofHours(12), 15, 0.2);
    private static final Duration DISABLE_AFTER = Duration.ofDays(5);

    private static Subscriber endpoint() {
        return Subscriber.create("owner", "sub", "https://hooks.example.org/x", WebhookSigner.newSecret(), NOW.minusSeconds(600));
    }

    private static WebhookDelivery pending(Subscriber s) {
        AlertTransition t = new AlertTransition(UUID.randomUUID(), UUID.randomUUID(), s.id(), 1, TransitionKind.FIRING,
                AlertState.OK, AlertState.FIRING, 0.5, 0.45, null, NOW.minusSeconds(60));
        return WebhookDelivery.pending(s.id(), t, "io.nanopulse.alert.firing", "{}", null, NOW.minusSeconds(60));
    }

    private static RecordedAttempt record(WebhookDelivery d, Subscriber s, Integer status) {
        return RecordedAttempt.of(d, s, new AttemptResult(NOW, status, 15, status == null ? "connection refused" : null, null),
                NOW, SCHEDULE, DISABLE_AFTER, Duration.ofDays(1), () -> 0.5);
    }

    @Test
    void aFailureStartsTheStreakAndSchedulesARetry() {
        Subscriber s = endpoint();
        RecordedAttempt r = record(pending(s), s, null);
        assertEquals(DeliveryOutcome.RETRY, r.outcome());
        assertEquals(DeliveryStatus.PENDING, r.delivery().status());
        assertEquals(1, r.delivery().attempts());
        assertEquals(1, r.delivery().scheduleStep());
        assertEquals(NOW.plusSeconds(5), r.delivery().nextAttemptAt());
        assertEquals("connection refused", r.delivery().lastError());
        assertEquals(NOW, r.subscriber().webhookFailingSince());
        assertEquals("retry", r.attempt().outcome());
        assertEquals(r.delivery().id(), r.attempt().deliveryId());
    }

    @Test
    void aSuccessCompletesTheDeliveryAndClearsTheStreak() {
        Subscriber s = endpoint().withFailingSince(NOW.minusSeconds(30));
        RecordedAttempt r = record(pending(s), s, 204);
        assertEquals(DeliveryOutcome.DELIVERED, r.outcome());
        assertEquals(DeliveryStatus.DELIVERED, r.delivery().status());
        assertNull(r.delivery().nextAttemptAt());
        assertEquals(NOW, r.delivery().completedAt());
        assertNull(r.subscriber().webhookFailingSince());
        assertTrue(r.subscriber().webhookActive());
    }

    @Test
    void goneAndALongStreakDisableTheEndpoint() {
        Subscriber s = endpoint();
        RecordedAttempt gone = record(pending(s), s, 410);
        assertEquals(DeliveryStatus.FAILED, gone.delivery().status());
        assertFalse(gone.subscriber().webhookActive());
        assertTrue(gone.subscriber().webhookDisabledReason().contains("410"));

        Subscriber failing = endpoint().withFailingSince(NOW.minus(DISABLE_AFTER));
        RecordedAttempt disabled = record(pending(failing), failing, 500);
        assertEquals(DeliveryOutcome.ENDPOINT_DISABLED, disabled.outcome());
        assertEquals(DeliveryStatus.FAILED, disabled.delivery().status());
        assertFalse(disabled.subscriber().webhookActive());
        assertEquals(NOW, disabled.subscriber().webhookDisabledAt());
    }

    @Test
    void aRedeliveryStartsANewRoundUnderTheSameWebhookId() {
        Subscriber s = endpoint();
        WebhookDelivery failed = record(pending(s), s, 410).delivery();
        WebhookDelivery again = failed.redelivered(NOW.plusSeconds(60));
        assertEquals(DeliveryStatus.PENDING, again.status());
        assertEquals(0, again.scheduleStep());
        assertEquals(1, again.attempts());
        assertNull(again.completedAt());
        assertEquals(failed.webhookId(), again.webhookId());
        assertTrue(again.webhookId().matches("msg_[0-9a-f]{32}"));
    }
}
