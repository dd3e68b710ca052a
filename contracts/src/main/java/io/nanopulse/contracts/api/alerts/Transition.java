package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a rule's state machine; {@code silencedBy} names the silence that muted it (recorded, not sent).
 * {@code value} and {@code threshold} are what the step compared (see {@link Measurement} for all that was measured).
 */
@Schema(name = "Transition", description = "One step of a rule's state machine.")
public record Transition(UUID id, long seq, @Schema(examples = "FIRING") String kind, String from, String to,
                         Double value, double threshold, UUID silencedBy, Instant at,
                         @Schema(nullable = true) Measurement measurement) {

    public Transition(UUID id, long seq, String kind, String from, String to, Double value, double threshold,
                      UUID silencedBy, Instant at) {
        this(id, seq, kind, from, to, value, threshold, silencedBy, at, null);
    }
}
