package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One step of a rule's state machine; {@code silencedBy} names the silence that muted it (recorded, not sent). */
@Schema(name = "Transition", description = "One step of a rule's state machine.")
public record Transition(UUID id, long seq, @Schema(examples = "FIRING") String kind, String from, String to,
                         Double value, double threshold, UUID silencedBy, Instant at) {
}
