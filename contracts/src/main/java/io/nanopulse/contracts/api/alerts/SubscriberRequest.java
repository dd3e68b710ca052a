package io.nanopulse.contracts.api.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace a subscriber; {@code webhookUrl} is optional (a stream-only subscriber). */
@Schema(name = "SubscriberRequest", description = "Create or replace a subscriber; webhookUrl is optional (stream-only).")
public record SubscriberRequest(
        @Schema(examples = "ops team", required = true, maxLength = 200)
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Schema(examples = "https://hooks.example.org/nanopulse", maxLength = 2048)
        @Size(max = 2048, message = "must be at most 2048 characters") String webhookUrl) {
}
