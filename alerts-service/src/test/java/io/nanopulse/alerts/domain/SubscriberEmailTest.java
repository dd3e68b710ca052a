package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberEmailTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theTokenIsStoredHashedAndConfirmsOnceBeforeItExpires() {
        ConfirmationToken token = ConfirmationToken.create();
        assertEquals(43, token.token().length());
        assertNotEquals(token.token(), token.hash());
        assertFalse(token.toString().contains(token.token()));
        // SHA-256 test vector ("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConfirmationToken.hash("abc"));

        SubscriberEmail e = SubscriberEmail.requested(UUID.randomUUID(), new EmailChoice("a@example.org", null), token,
                T.plus(Duration.ofHours(48)));
        assertFalse(e.confirmed());
        assertFalse(e.awaits(ConfirmationToken.hash("other"), T));
        assertFalse(e.awaits(token.hash(), T.plus(Duration.ofHours(48))), "expired");
        assertTrue(e.awaits(token.hash(), T));
        SubscriberEmail confirmed = e.confirm(T);
        assertTrue(confirmed.confirmed());
        assertNull(confirmed.tokenHash());
        assertFalse(confirmed.awaits(token.hash(), T), "used");
    }

    @Test
    void alertsAreDueAtOnceOrWithTheNextDigest() {
        SubscriberEmail single = new SubscriberEmail(UUID.randomUUID(), "a@example.org", T, null, null, null, null, null);
        assertEquals(T, single.dueAt(T));
        SubscriberEmail digest = single.withDigest(Duration.ofHours(1));
        assertEquals(T.plus(Duration.ofHours(1)), digest.dueAt(T), "first digest: one interval from the first alert");
        SubscriberEmail sent = digest.digestSent(T);
        assertEquals(T.plus(Duration.ofHours(1)), sent.dueAt(T.plus(Duration.ofMinutes(5))));
        assertEquals(T.plus(Duration.ofHours(3)), sent.dueAt(T.plus(Duration.ofHours(3))), "never before now");
    }
}
