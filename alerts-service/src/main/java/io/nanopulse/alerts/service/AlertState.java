package io.nanopulse.alerts.service;

/** The durable state of one rule: {@code OK → PENDING → FIRING → OK}. */
public enum AlertState {
    OK, PENDING, FIRING
}
