package io.nanopulse.alerts.domain;

import java.util.List;
import java.util.UUID;

/**
 * An e-mail delivery taken under lease for one attempt: the address, the Message-ID, and the notifications it
 * carries (one; or, for a digest, every delivery the digest lists, oldest first).
 */
public record EmailClaim(UUID deliveryId, UUID subscriberId, String address, String messageId,
                         List<String> payloads, boolean digest) {

    /** Never print the address or the payloads. */
    @Override
    public String toString() {
        return "EmailClaim[" + deliveryId + "]";
    }
}
