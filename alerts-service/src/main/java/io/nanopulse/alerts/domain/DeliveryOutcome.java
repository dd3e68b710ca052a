package io.nanopulse.alerts.domain;

import java.util.Locale;

/** What recording an attempt decided; the tag of nanopulse.alerts.webhook.deliveries. */
public enum DeliveryOutcome {
    DELIVERED, RETRY, EXHAUSTED, GONE, ENDPOINT_DISABLED, IGNORED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
