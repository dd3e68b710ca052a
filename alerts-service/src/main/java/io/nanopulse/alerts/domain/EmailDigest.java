package io.nanopulse.alerts.domain;

import java.util.List;
import java.util.UUID;

/**
 * Which e-mails one claimed e-mail delivery sends, and under which Message-ID. Digest membership is decided when a
 * row is enqueued ({@link WebhookDelivery#digest()}) and never again: only a digest row that was never tried and is
 * not yet listed may lead a new digest or join one, so a redelivered or retrying single e-mail, or one another
 * instance is sending, is always sent alone under its own Message-ID, and a Message-ID already sent never carries
 * new transitions.
 *
 * @param leadId    the claimed delivery
 * @param memberIds the deliveries newly listed in its digest (empty for a single e-mail or an existing digest)
 * @param digestId  the digest the lead belongs to after this claim; null for a single e-mail
 * @param formed    this claim starts a new digest (the subscriber's next one is due one interval later)
 */
public record EmailDigest(UUID leadId, List<UUID> memberIds, UUID digestId, boolean formed) {

    /**
     * @param claimed  the delivery just claimed
     * @param pending  the subscriber's other pending e-mail deliveries, as candidates to list
     */
    public static EmailDigest plan(WebhookDelivery claimed, List<WebhookDelivery> pending) {
        if (claimed.digestId() != null) {
            return new EmailDigest(claimed.id(), List.of(), claimed.digestId(), false); // a lead sends its list as it was
        }
        if (!mayJoin(claimed)) {
            return new EmailDigest(claimed.id(), List.of(), null, false);
        }
        List<UUID> members = pending.stream()
                .filter(m -> !m.id().equals(claimed.id()) && m.subscriberId().equals(claimed.subscriberId()))
                .filter(EmailDigest::mayJoin)
                .map(WebhookDelivery::id)
                .toList();
        return new EmailDigest(claimed.id(), members, claimed.id(), true);
    }

    /** A pending digest e-mail, never tried and not listed yet. */
    public static boolean mayJoin(WebhookDelivery d) {
        return d.channel() == DeliveryChannel.EMAIL && d.digest() && d.digestId() == null && d.attempts() == 0
                && d.status() == DeliveryStatus.PENDING;
    }

    /** The Message-ID header: the digest lead's id, or the delivery's own. */
    public String messageIdHeader() {
        return EmailMessageId.header(digestId == null ? leadId : digestId);
    }
}
