package io.nanopulse.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The log line of one HTTP attempt of a delivery.
 *
 * @param statusCode null when no answer arrived
 * @param outcome    what the attempt decided, a {@link DeliveryOutcome#tag()}
 */
public record DeliveryAttempt(UUID id, UUID deliveryId, Instant attemptedAt, Integer statusCode, long latencyMs,
                              String outcome, String error) {
}
