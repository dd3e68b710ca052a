package io.nanopulse.alerts.domain;

import java.util.Locale;

/** What recording an attempt decided; the tag of nanopulse.alerts.webhook.deliveries. */
public enum DeliveryOutcome {
    DELIVERED, RETRY, EXHAUSTED, GONE, ENDPOINT_DISABLED, IGNORED,
    /** The SMTP server refused an e-mail for good (a 5xx reply): not retried. */
    REJECTED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
