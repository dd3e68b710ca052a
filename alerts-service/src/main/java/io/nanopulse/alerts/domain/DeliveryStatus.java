package io.nanopulse.alerts.domain;

/** Lifecycle of one webhook delivery. */
public enum DeliveryStatus {
    /** Due at next_attempt_at (or being attempted under a lease). */
    PENDING,
    /** A 2xx answer was received. */
    DELIVERED,
    /** Retries exhausted, or the endpoint answered 410 or was disabled. Redeliver may revive it. */
    FAILED
}
