package io.nanopulse.alerts.domain;

/** The durable state of one rule: {@code OK → PENDING → FIRING → OK}. */
public enum AlertState {
    OK, PENDING, FIRING
}
