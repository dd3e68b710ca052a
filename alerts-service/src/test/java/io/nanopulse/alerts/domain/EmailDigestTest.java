package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailDigestTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID SUBSCRIBER = UUID.randomUUID();

    private static WebhookDelivery email(boolean digest, int attempts, DeliveryStatus status, UUID digestId) {
        UUID id = UUID.randomUUID();
        return new WebhookDelivery(id, SUBSCRIBER, UUID.randomUUID(), UUID.randomUUID(), "t", "{}", null, status,
                attempts, attempts, T, null, null, T, null, DeliveryChannel.EMAIL, digestId, digest);
    }

    private static WebhookDelivery fresh(boolean digest) {
        return email(digest, 0, DeliveryStatus.PENDING, null);
    }

    @Test
    void aFreshDigestRowLeadsTheOtherFreshDigestRows() {
        WebhookDelivery lead = fresh(true);
        WebhookDelivery member = fresh(true);
        EmailDigest plan = EmailDigest.plan(lead, List.of(member));
        assertEquals(List.of(member.id()), plan.memberIds());
        assertEquals(lead.id(), plan.digestId());
        assertTrue(plan.formed());
        assertEquals("<" + lead.id() + "@nanopulse>", plan.messageIdHeader());
    }

    @Test
    void aRedeliveredSingleEmailStaysSingleAfterTheSubscriberSwitchedToADigest() {
        WebhookDelivery redelivered = email(false, 1, DeliveryStatus.PENDING, null);
        EmailDigest plan = EmailDigest.plan(redelivered, List.of(fresh(true), fresh(true)));
        assertTrue(plan.memberIds().isEmpty(), "new transitions never ride on a Message-ID already delivered");
        assertNull(plan.digestId());
        assertFalse(plan.formed());
        assertEquals("<" + redelivered.id() + "@nanopulse>", plan.messageIdHeader());
    }

    @Test
    void aRetryingDigestRowIsSentAloneAndNeverJoins() {
        WebhookDelivery retrying = email(true, 2, DeliveryStatus.PENDING, null);
        assertNull(EmailDigest.plan(retrying, List.of(fresh(true))).digestId());
        assertTrue(EmailDigest.plan(fresh(true), List.of(retrying)).memberIds().isEmpty());
    }

    @Test
    void aSingleEmailInFlightElsewhereIsNeverListed() {
        WebhookDelivery leasedSingle = fresh(false); // attempts 0, but enqueued without a digest
        WebhookDelivery member = fresh(true);
        EmailDigest plan = EmailDigest.plan(fresh(true), List.of(leasedSingle, member));
        assertEquals(List.of(member.id()), plan.memberIds());
    }

    @Test
    void anExistingLeadSendsItsListAsItWas() {
        UUID leadId = UUID.randomUUID();
        WebhookDelivery lead = new WebhookDelivery(leadId, SUBSCRIBER, UUID.randomUUID(), UUID.randomUUID(), "t", "{}",
                null, DeliveryStatus.PENDING, 1, 1, T, null, null, T, null, DeliveryChannel.EMAIL, leadId, true);
        EmailDigest plan = EmailDigest.plan(lead, List.of(fresh(true)));
        assertTrue(plan.memberIds().isEmpty());
        assertEquals(leadId, plan.digestId());
        assertFalse(plan.formed());
    }

    @Test
    void listedOrFinishedRowsNeverJoin() {
        assertFalse(EmailDigest.mayJoin(email(true, 0, DeliveryStatus.PENDING, UUID.randomUUID())));
        assertFalse(EmailDigest.mayJoin(email(true, 0, DeliveryStatus.DELIVERED, null)));
        assertTrue(EmailDigest.mayJoin(fresh(true)));
    }
}
