package io.nanopulse.alerts.domain;

import java.time.Instant;

/** Deliveries due now and the due time of the oldest (null when none is due). */
public record DeliveryBacklog(long due, Instant oldestDue) {
}
