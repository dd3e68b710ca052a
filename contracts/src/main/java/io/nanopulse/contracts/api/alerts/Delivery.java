package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook delivery and its attempt log, oldest attempt first; {@code webhookId} is stable across retries. */
@Schema(name = "Delivery", description = "A webhook delivery and its attempt log.")
public record Delivery(UUID id, String webhookId, UUID ruleId, UUID transitionId, String eventType,
                       @Schema(examples = "DELIVERED", enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
                       int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                       Instant createdAt, Instant completedAt, List<DeliveryAttempt> attemptLog) {
}
