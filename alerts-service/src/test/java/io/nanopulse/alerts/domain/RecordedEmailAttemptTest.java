package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedEmailAttemptTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(5), 3, Duration.ofHours(12), 3, 0);

    private static WebhookDelivery email(UUID digestId, UUID id) {
        return new WebhookDelivery(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "t", "{}", null,
                DeliveryStatus.PENDING, 0, 0, digestId != null && !digestId.equals(id) ? null : T, null, null, T, null,
                DeliveryChannel.EMAIL, digestId, digestId != null);
    }

    private static AttemptResult reply(Integer code) {
        return new AttemptResult(T, code, 3, code == null ? "connection refused by the SMTP relay" : "SMTP " + code, null);
    }

    @Test
    void aDeliveredDigestCompletesEveryDeliveryItLists() {
        UUID lead = UUID.randomUUID();
        WebhookDelivery d = email(lead, lead);
        WebhookDelivery member = email(lead, UUID.randomUUID());
        var r = RecordedEmailAttempt.of(d, List.of(d, member), reply(250), T, SCHEDULE, () -> 0.5);
        assertEquals(DeliveryOutcome.DELIVERED, r.outcome());
        assertEquals(2, r.deliveries().size());
        assertTrue(r.deliveries().stream().allMatch(x -> x.status() == DeliveryStatus.DELIVERED && x.completedAt() != null));
        assertEquals(lead + "@nanopulse", r.deliveries().get(1).webhookId(), "members share the lead's Message-ID");
    }

    @Test
    void noConnectionOrA4xxIsRetriedOnTheScheduleUntilExhausted() {
        UUID id = UUID.randomUUID();
        WebhookDelivery d = email(null, id);
        var first = RecordedEmailAttempt.of(d, List.of(), reply(null), T, SCHEDULE, () -> 0.5);
        assertEquals(DeliveryOutcome.RETRY, first.outcome());
        assertEquals(T.plusSeconds(5), first.lead().nextAttemptAt());
        var second = RecordedEmailAttempt.of(first.lead(), List.of(), reply(451), T, SCHEDULE, () -> 0.5);
        assertEquals(DeliveryOutcome.RETRY, second.outcome());
        assertEquals(T.plusSeconds(15), second.lead().nextAttemptAt());
        var third = RecordedEmailAttempt.of(second.lead(), List.of(), reply(421), T, SCHEDULE, () -> 0.5);
        assertEquals(DeliveryOutcome.EXHAUSTED, third.outcome());
        assertEquals(DeliveryStatus.FAILED, third.lead().status());
        assertEquals(id + "@nanopulse", third.lead().webhookId(), "the same Message-ID on every attempt");
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithItsReasonButAuthenticationFailuresAreRetried() {
        WebhookDelivery d = email(null, UUID.randomUUID());
        var r = RecordedEmailAttempt.of(d, List.of(), reply(550), T, SCHEDULE, () -> 0.5);
        assertEquals(DeliveryOutcome.REJECTED, r.outcome());
        assertEquals(DeliveryStatus.FAILED, r.lead().status());
        assertEquals("SMTP 550", r.lead().lastError());
        assertNull(r.lead().nextAttemptAt());
        assertEquals(DeliveryOutcome.RETRY, RecordedEmailAttempt.of(d, List.of(), reply(535), T, SCHEDULE, () -> 0.5).outcome());
        assertFalse(RecordedEmailAttempt.refusedForGood(452));
        assertTrue(RecordedEmailAttempt.refusedForGood(553));
    }

    @Test
    void aMessageThatCannotBeRenderedFailsAtOnce() {
        WebhookDelivery d = email(null, UUID.randomUUID());
        var r = RecordedEmailAttempt.of(d, List.of(), new AttemptResult(T, null, 1, RecordedEmailAttempt.UNRENDERABLE, null),
                T, SCHEDULE, () -> 0.5);
        assertEquals(DeliveryOutcome.REJECTED, r.outcome());
        assertEquals(DeliveryStatus.FAILED, r.lead().status());
        assertNull(r.lead().nextAttemptAt());
    }

    @Test
    void digestMembersShowTheLeadsAttempts() {
        UUID lead = UUID.randomUUID();
        WebhookDelivery d = email(lead, lead);
        var retried = RecordedEmailAttempt.of(d, List.of(), reply(null), T, SCHEDULE, () -> 0.5).lead();
        WebhookDelivery member = email(lead, UUID.randomUUID());
        var r = RecordedEmailAttempt.of(retried, List.of(retried, member), reply(250), T, SCHEDULE, () -> 0.5);
        assertEquals(2, r.deliveries().get(1).attempts());
    }
}
