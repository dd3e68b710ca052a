package io.nanopulse.contracts.api.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber as the API shows it. {@code secret} is present only in the answer that created it (create,
 * rotate-secret): it is never shown again. Absent members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Subscriber", description = "A subscriber; secret (whsec_...) appears only in the answer that created it.")
public record Subscriber(@Schema(examples = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11") UUID id,
                         @Schema(examples = "ops team") String name, Webhook webhook,
                         @Schema(description = "The subscriber's live SSE stream in the public API (role alerts).",
                                 examples = "http://127.0.0.1:8080/api/v1/subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/stream")
                         String streamUrl,
                         @Schema(examples = "whsec_MfKQ9r8GKYqrTwJzuyk8", nullable = true) String secret,
                         Instant previousSecretValidUntil, Instant createdAt, Instant updatedAt,
                         @Schema(examples = "analyst@example.org", nullable = true) String email,
                         @Schema(description = "Whether the address was confirmed (alerts are mailed only then); absent without email.",
                                 nullable = true)
                         Boolean emailConfirmed,
                         @Schema(description = "Digest interval (ISO-8601); absent: one message per transition.", examples = "PT1H",
                                 nullable = true)
                         String emailDigest) {

    /** Without e-mail. */
    public Subscriber(UUID id, String name, Webhook webhook, String streamUrl, String secret,
                      Instant previousSecretValidUntil, Instant createdAt, Instant updatedAt) {
        this(id, name, webhook, streamUrl, secret, previousSecretValidUntil, createdAt, updatedAt, null, null, null);
    }
}
