package io.nanopulse.alerts.domain;

/** How a delivery reaches its subscriber. */
public enum DeliveryChannel {
    /** A signed HTTP POST to the subscriber's webhook URL. */
    WEBHOOK,
    /** A message to the subscriber's confirmed e-mail address. */
    EMAIL
}
