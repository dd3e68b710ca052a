package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One HTTP attempt of a webhook delivery; {@code statusCode} is null when no answer arrived. */
@Schema(name = "DeliveryAttempt", description = "One attempt to deliver a webhook.")
public record DeliveryAttempt(Instant at, Integer statusCode, long latencyMs, String outcome, String error) {
}
