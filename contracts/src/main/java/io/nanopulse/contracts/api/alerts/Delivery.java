package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery (webhook call or e-mail) and its attempt log, oldest attempt first; {@code webhookId} is stable
 * across retries (for an e-mail: the Message-ID without its angle brackets).
 */
@Schema(name = "Delivery", description = "A delivery (webhook call or e-mail) and its attempt log.")
public record Delivery(UUID id,
                       @Schema(description = "The id receivers deduplicate on, the same on every retry: the webhook-id"
                               + " header of a webhook call; for an EMAIL delivery the e-mail's Message-ID without angle"
                               + " brackets (a digest member's is its lead's).",
                               examples = "msg_0b9d5f1e8f5a4d7e9a573f0b7a2c9e11") String webhookId, UUID ruleId, UUID transitionId, String eventType,
                       @Schema(examples = "DELIVERED", enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
                       int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                       Instant createdAt, Instant completedAt, List<DeliveryAttempt> attemptLog,
                       @Schema(examples = "WEBHOOK", enumeration = {"WEBHOOK", "EMAIL"}) String channel) {

    /** A webhook delivery. */
    public Delivery(UUID id, String webhookId, UUID ruleId, UUID transitionId, String eventType, String status,
                    int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                    Instant completedAt, List<DeliveryAttempt> attemptLog) {
        this(id, webhookId, ruleId, transitionId, eventType, status, attempts, nextAttemptAt, lastStatusCode, lastError,
                createdAt, completedAt, attemptLog, "WEBHOOK");
    }
}
