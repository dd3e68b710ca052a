package io.nanopulse.alerts.domain;

import java.util.List;
import java.util.UUID;

/** A delivery taken under lease for one attempt, with everything the sender needs. */
public record Claim(UUID deliveryId, UUID subscriberId, String url, List<String> secrets, String payload,
                   String traceparent) {

    /** Never print secrets or the payload. */
    @Override
    public String toString() {
        return "Claim[" + deliveryId + "]";
    }
}
