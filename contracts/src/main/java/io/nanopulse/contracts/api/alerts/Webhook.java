package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A subscriber's webhook endpoint: {@code status} ENABLED, or DISABLED with the reason (410 Gone, failing too long). */
@Schema(name = "Webhook", description = "A subscriber's webhook endpoint and its state.")
public record Webhook(@Schema(examples = "https://hooks.example.org/nanopulse") String url,
                      @Schema(examples = "ENABLED", enumeration = {"ENABLED", "DISABLED"}) String status,
                      String disabledReason, Instant disabledAt, Instant failingSince) {
}
