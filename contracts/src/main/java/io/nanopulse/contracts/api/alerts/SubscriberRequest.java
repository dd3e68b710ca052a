package io.nanopulse.contracts.api.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Create or replace a subscriber; {@code webhookUrl} and {@code email} are optional (none: a stream-only
 * subscriber). An e-mail address receives alerts once confirmed through the link mailed to it; with
 * {@code emailDigest} it receives one message per interval listing the transitions instead of one per transition.
 */
@Schema(name = "SubscriberRequest", description = "Create or replace a subscriber; webhookUrl and email are optional "
        + "(neither: stream-only). An e-mail address gets alerts only after it is confirmed by the link mailed to it.")
public record SubscriberRequest(
        @Schema(examples = "ops team", required = true, maxLength = 200)
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Schema(examples = "https://hooks.example.org/nanopulse", maxLength = 2048)
        @Size(max = 2048, message = "must be at most 2048 characters") String webhookUrl,
        @Schema(description = "A plain address (no display name); alerts go to it once it is confirmed. Changing it "
                + "un-confirms it and mails a new confirmation link.", examples = "analyst@example.org", maxLength = 254)
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @Schema(description = "ISO-8601 duration, PT15M..P1D, only with email: one message per interval listing the "
                + "transitions instead of one message per transition.", examples = "PT1H", maxLength = 32)
        @Size(max = 32, message = "must be at most 32 characters") String emailDigest) {

    /** Without e-mail. */
    public SubscriberRequest(String name, String webhookUrl) {
        this(name, webhookUrl, null, null);
    }
}
