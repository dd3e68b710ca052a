package io.nanopulse.alerts.domain;

import java.util.List;
import java.util.UUID;

/**
 * A delivery taken under lease for one attempt, with everything the sender needs.
 *
 * @param email the e-mail to send for an EMAIL delivery (url, secrets and payload are then unused); null for a webhook
 */
public record Claim(UUID deliveryId, UUID subscriberId, String url, List<String> secrets, String payload,
                   String traceparent, EmailClaim email) {

    /** A webhook call. */
    public Claim(UUID deliveryId, UUID subscriberId, String url, List<String> secrets, String payload, String traceparent) {
        this(deliveryId, subscriberId, url, secrets, payload, traceparent, null);
    }

    /** An e-mail. */
    public static Claim of(EmailClaim email) {
        return new Claim(email.deliveryId(), email.subscriberId(), null, List.of(), null, null, email);
    }

    /** Never print secrets or the payload. */
    @Override
    public String toString() {
        return "Claim[" + deliveryId + "]";
    }
}
