package io.nanopulse.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber's e-mail address and its state: alerts go to it only once it is confirmed through the link
 * mailed to it (the link's token is kept as its hash, valid until {@code tokenExpiresAt}). With a digest
 * interval, its alerts are gathered into one message per interval.
 *
 * @param digest       null: one message per transition
 * @param lastDigestAt when the last digest was formed; the next is due one interval later
 * @param resentAt     when the confirmation link was last sent again on request (null: never)
 */
public record SubscriberEmail(UUID subscriberId, String address, Instant confirmedAt, String tokenHash,
                              Instant tokenExpiresAt, Duration digest, Instant lastDigestAt, Instant resentAt) {

    /** A new, unconfirmed address awaiting the confirmation of {@code token}. */
    public static SubscriberEmail requested(UUID subscriberId, EmailChoice choice, ConfirmationToken token,
                                            Instant expiresAt) {
        return new SubscriberEmail(subscriberId, choice.address(), null, token.hash(), expiresAt, choice.digest(), null, null);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** Whether {@code hash} is the hash of the pending, unexpired token. */
    public boolean awaits(String hash, Instant now) {
        return confirmedAt == null && tokenHash != null && tokenHash.equals(hash) && tokenExpiresAt != null
                && now.isBefore(tokenExpiresAt);
    }

    /** Confirmed now; the token is used up. */
    public SubscriberEmail confirm(Instant now) {
        return new SubscriberEmail(subscriberId, address, now, null, null, digest, lastDigestAt, resentAt);
    }

    /** A new confirmation token sent again at {@code now} (the previous link stops working). */
    public SubscriberEmail reissued(ConfirmationToken token, Instant expiresAt, Instant now) {
        return new SubscriberEmail(subscriberId, address, confirmedAt, token.hash(), expiresAt, digest, lastDigestAt, now);
    }

    /** How long until the link may be sent again, at most once per {@code interval}; zero when it may be now. */
    public Duration resendWait(Instant now, Duration interval) {
        if (resentAt == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, resentAt.plus(interval));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public SubscriberEmail withDigest(Duration newDigest) {
        return new SubscriberEmail(subscriberId, address, confirmedAt, tokenHash, tokenExpiresAt, newDigest, lastDigestAt, resentAt);
    }

    public SubscriberEmail digestSent(Instant at) {
        return new SubscriberEmail(subscriberId, address, confirmedAt, tokenHash, tokenExpiresAt, digest, at, resentAt);
    }

    /**
     * When an alert made now is due: at once without a digest; else one interval after the last digest (or after
     * now when none was sent yet), and never before now.
     */
    public Instant dueAt(Instant now) {
        if (digest == null) {
            return now;
        }
        Instant next = (lastDigestAt == null ? now : lastDigestAt).plus(digest);
        return next.isBefore(now) ? now : next;
    }

    /** Never print the token hash. */
    @Override
    public String toString() {
        return "SubscriberEmail[" + subscriberId + ", confirmed=" + confirmed() + "]";
    }
}
